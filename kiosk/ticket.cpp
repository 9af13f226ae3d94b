// The printed ticket: ESC/POS bytes for a thermal receipt printer, and writing them to it.
#include "kiosk/ticket.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>

namespace kiosk {

namespace {

// PC858 bytes of U+00A0..U+00FF (PC850 with € in place of the dotless i).
const unsigned char kLatin1[96] = {
    0xFF, 0xAD, 0xBD, 0x9C, 0xCF, 0xBE, 0xDD, 0xF5, 0xF9, 0xB8, 0xA6, 0xAE, 0xAA, 0xF0, 0xA9, 0xEE,
    0xF8, 0xF1, 0xFD, 0xFC, 0xEF, 0xE6, 0xF4, 0xFA, 0xF7, 0xFB, 0xA7, 0xAF, 0xAC, 0xAB, 0xF3, 0xA8,
    0xB7, 0xB5, 0xB6, 0xC7, 0x8E, 0x8F, 0x92, 0x80, 0xD4, 0x90, 0xD2, 0xD3, 0xDE, 0xD6, 0xD7, 0xD8,
    0xD1, 0xA5, 0xE3, 0xE0, 0xE2, 0xE5, 0x99, 0x9E, 0x9D, 0xEB, 0xE9, 0xEA, 0x9A, 0xED, 0xE8, 0xE1,
    0x85, 0xA0, 0x83, 0xC6, 0x84, 0x86, 0x91, 0x87, 0x8A, 0x82, 0x88, 0x89, 0x8D, 0xA1, 0x8C, 0x8B,
    0xD0, 0xA4, 0x95, 0xA2, 0x93, 0xE4, 0x94, 0xF6, 0x9B, 0x97, 0xA3, 0x96, 0x81, 0xEC, 0xE7, 0x98,
};
constexpr unsigned char kEuro = 0xD5;

// The next code point of `s` from `i` (advanced); -1 for a malformed sequence (one byte skipped).
long next_code_point(const std::string& s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 && b < 0xF5 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
    if (b >= 0xF5) extra = -1;
    if (extra < 0) return -1;
    long cp = b & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    const long min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
}

// Words of `text` (PC858 bytes) laid into lines of at most `columns`; long words are cut.
std::vector<std::string> wrap(const std::string& text, std::size_t columns) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = text.find(' ', i);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(i, end - i);
        i = end;
        while (!word.empty()) {
            const std::size_t room = line.empty() ? columns : columns - std::min(columns, line.size() + 1);
            if (word.size() <= room) {
                if (!line.empty()) line += ' ';
                line += word;
                word.clear();
            } else if (!line.empty()) {
                lines.push_back(line);
                line.clear();
            } else {
                lines.push_back(word.substr(0, columns));
                word.erase(0, columns);
            }
        }
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

void command(std::string& out, std::initializer_list<int> bytes) {
    for (int b : bytes) out += static_cast<char>(b);
}

}  // namespace

std::string to_pc858(const std::string& utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const long cp = next_code_point(utf8, i);
        if (cp >= 0x20 && cp < 0x7F) out += static_cast<char>(cp);
        else if (cp == '\t' || cp == '\n') out += ' ';
        else if (cp == 0xA0) out += ' ';  // a no-break space prints as a space
        else if (cp > 0xA0 && cp <= 0xFF) out += static_cast<char>(kLatin1[cp - 0xA0]);
        else if (cp == 0x20AC) out += static_cast<char>(kEuro);
        else if (cp == 0x202F || cp == 0x2009 || cp == 0x2007) out += ' ';
        else if (cp == 0x2019 || cp == 0x2018) out += '\'';
        else if (cp == 0x201C || cp == 0x201D) out += '"';
        else if (cp == 0x2013 || cp == 0x2014) out += '-';
        else if (cp == 0x2026) out += "...";
        else if (cp == 0x0152) out += "OE";
        else if (cp == 0x0153) out += "oe";
        else if (cp == 0x2022) out += static_cast<char>(kLatin1[0xB7 - 0xA0]);
        else out += '?';  // control characters, other scripts, malformed bytes
    }
    return out;
}

std::string escpos(const Ticket& t, int columns) {
    const auto cols = static_cast<std::size_t>(std::clamp(columns, 16, 96));
    std::string out;
    command(out, {0x1B, 0x40});        // ESC @: initialise
    command(out, {0x1B, 0x74, 19});    // ESC t 19: code page PC858
    for (const TicketLine& l : t.lines) {
        switch (l.kind) {
            case TicketLine::Kind::Title:
                command(out, {0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x11});  // centred, bold, double size
                for (const std::string& line : wrap(to_pc858(l.text), cols / 2)) out += line + "\n";
                command(out, {0x1D, 0x21, 0x00, 0x1B, 0x45, 0, 0x1B, 0x61, 0});
                break;
            case TicketLine::Kind::Text:
                for (const std::string& line : wrap(to_pc858(l.text), cols)) out += line + "\n";
                break;
            case TicketLine::Kind::Row: {
                const std::string right = to_pc858(l.right);
                const std::size_t room = cols > right.size() + 1 ? cols - right.size() - 1 : cols;
                std::vector<std::string> left = wrap(to_pc858(l.text), room);
                for (std::size_t k = 0; k + 1 < left.size(); ++k) out += left[k] + "\n";
                const std::string& last = left.back();
                out += last + std::string(cols - std::min(cols, last.size() + right.size()), ' ') + right + "\n";
                break;
            }
            case TicketLine::Kind::Rule:
                out += std::string(cols, '-') + "\n";
                break;
            case TicketLine::Kind::Gap:
                out += "\n";
                break;
            case TicketLine::Kind::Barcode: {
                // Code 128, set B: printable ASCII only, at most 250 bytes.
                std::string data;
                for (char ch : l.text)
                    if (ch >= 0x20 && ch < 0x7F) data += ch;
                data = data.substr(0, 250);
                if (data.empty()) break;
                command(out, {0x1B, 0x61, 1});
                command(out, {0x1D, 0x68, 80, 0x1D, 0x77, 2, 0x1D, 0x48, 2});  // height, module width, text below
                command(out, {0x1D, 0x6B, 73, static_cast<int>(data.size() + 2), '{', 'B'});
                out += data;
                command(out, {0x0A, 0x1B, 0x61, 0});
                break;
            }
            case TicketLine::Kind::Qr: {
                const std::string& data = l.text;
                if (data.empty() || data.size() > 2000) break;
                const std::size_t n = data.size() + 3;
                command(out, {0x1B, 0x61, 1});
                command(out, {0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 0x32, 0});  // model 2
                command(out, {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6});        // module size
                command(out, {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 0x31});     // error correction M
                command(out, {0x1D, 0x28, 0x6B, static_cast<int>(n & 0xFF), static_cast<int>(n >> 8), 0x31, 0x50, 0x30});
                out += data;
                command(out, {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30});  // print it
                command(out, {0x0A, 0x1B, 0x61, 0});
                break;
            }
        }
    }
    command(out, {0x1D, 0x56, 66, 4});  // GS V: feed and cut
    return out;
}

std::optional<std::string> write_ticket(const std::string& device, const std::string& bytes, double timeout_s) {
    if (device.empty()) return std::string("no printer is configured");
    const int fd = ::open(device.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return "cannot open the printer " + device + ": " + std::strerror(errno);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    std::size_t sent = 0;
    std::optional<std::string> error;
    while (sent < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + sent, bytes.size() - sent);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            error = "cannot write to the printer " + device + ": " + std::strerror(errno);
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            error = "the printer " + device + " did not take the ticket within " +
                    std::to_string(static_cast<int>(timeout_s)) + " s (paper out, cover open or switched off?)";
            break;
        }
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 500)));
    }
    ::close(fd);
    return error;
}

}  // namespace kiosk
