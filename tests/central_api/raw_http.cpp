#include "raw_http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace testing {

namespace {
using Clock = std::chrono::steady_clock;

int ms_left(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::max<long long>(0, left));
}

std::size_t header_end(const std::string& text) {
    auto end = text.find("\r\n\r\n");
    return end == std::string::npos ? text.size() : end + 4;
}
}  // namespace

RawConnection::RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd_);
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

RawConnection::Outcome RawConnection::stream(std::string_view head, const Producer& next,
                                             int seconds, bool close_write_at_end) {
    Outcome out;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    std::string piece(head);
    std::size_t offset = 0;
    bool more = static_cast<bool>(next);
    // Write until everything is sent, or the server answers or closes.
    while (!out.answered) {
        if (offset == piece.size()) {
            piece.clear();
            offset = 0;
            if (more) more = next(piece);
            if (piece.empty()) break;
        }
        pollfd p{fd_, POLLIN | POLLOUT, 0};
        int ready = ::poll(&p, 1, ms_left(deadline));
        if (ready == 0) {
            out.timed_out = true;
            return out;
        }
        if (ready < 0) continue;  // EINTR
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            out.answered = true;
            break;
        }
        ssize_t n = ::send(fd_, piece.data() + offset, piece.size() - offset, MSG_NOSIGNAL);
        if (n > 0) {
            offset += static_cast<std::size_t>(n);
            out.sent += static_cast<std::size_t>(n);
        } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            out.answered = true;  // reset or closed by the server
        }
    }
    if (!out.answered && close_write_at_end) ::shutdown(fd_, SHUT_WR);
    // Read until the server closes the connection (or the bound).
    for (;;) {
        pollfd p{fd_, POLLIN, 0};
        int ready = ::poll(&p, 1, ms_left(deadline));
        if (ready == 0) {
            out.timed_out = true;
            break;
        }
        if (ready < 0) continue;
        char buf[16384];
        ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n > 0) {
            out.response.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            break;  // closed (or reset: what arrived before is kept)
        }
    }
    return out;
}

RawConnection::Outcome RawConnection::exchange(std::string_view bytes, int seconds) {
    return stream(bytes, nullptr, seconds, false);
}

int first_status(const std::string& text) {
    if (text.rfind("HTTP/1.", 0) != 0 || text.size() < 12) return 0;
    return std::atoi(text.substr(9, 3).c_str());
}

int count_responses(const std::string& text) {
    int n = 0;
    std::size_t at = 0;
    // A status line begins the text or follows the end of the previous response's bytes; bodies
    // here are JSON, so "HTTP/1.1 " at a line start is a response.
    while ((at = text.find("HTTP/1.1 ", at)) != std::string::npos) {
        if (at == 0 || text[at - 1] == '\n' || text[at - 1] == '}') ++n;
        at += 9;
    }
    return n;
}

std::string first_body(const std::string& text) {
    std::size_t start = header_end(text);
    std::string len = first_header(text, "content-length");
    if (len.empty()) return text.substr(start);
    return text.substr(start, static_cast<std::size_t>(std::atol(len.c_str())));
}

std::string first_header(const std::string& text, const std::string& lower_name) {
    const std::string head = text.substr(0, header_end(text));
    std::size_t line = head.find("\r\n");
    while (line != std::string::npos && line + 2 < head.size()) {
        std::size_t next = head.find("\r\n", line + 2);
        if (next == std::string::npos) break;
        std::string h = head.substr(line + 2, next - line - 2);
        auto colon = h.find(':');
        if (colon != std::string::npos) {
            std::string name = h.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            if (name == lower_name) {
                std::string value = h.substr(colon + 1);
                value.erase(0, value.find_first_not_of(' '));
                return value;
            }
        }
        line = next;
    }
    return {};
}

long peak_memory_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

void reset_peak_memory() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

}  // namespace testing
