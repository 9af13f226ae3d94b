// The printed ticket: PC858 text, ESC/POS commands, wrapping to the paper, and the write to the
// printer device (a file here), including the device that is not there.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kiosk/ticket.hpp"

using namespace kiosk;

namespace {

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::string bytes(std::initializer_list<int> b) {
    std::string s;
    for (int x : b) s += static_cast<char>(x);
    return s;
}

Ticket sample() {
    using K = TicketLine::Kind;
    Ticket t;
    t.order_number = "K-4F7Q-92";
    t.lines = {{K::Title, "Maison Lumière", {}},
               {K::Row, "Numéro de commande", "K-4F7Q-92"},
               {K::Rule, {}, {}},
               {K::Row, "2 \xC3\x97 Pull en maille côtelée, laine mérinos extra-fine et cachemire", "1\xE2\x80\xAF" "299,00\xC2\xA0\xE2\x82\xAC"},
               {K::Text, "À retirer au magasin Lyon Part-Dieu · demain à 14:00", {}},
               {K::Barcode, "K4F7Q92", {}},
               {K::Qr, "https://example.org/suivi/K-4F7Q-92", {}}};
    return t;
}

}  // namespace

TEST_CASE("French text becomes PC858: accents and the euro sign mapped, typography made plain") {
    CHECK(to_pc858("Crème") == bytes({'C', 'r', 0x8A, 'm', 'e'}));
    CHECK(to_pc858("été à Noël") == bytes({0x82, 't', 0x82, ' ', 0x85, ' ', 'N', 'o', 0x89, 'l'}));
    CHECK(to_pc858("ÉÀÇ") == bytes({0x90, 0xB7, 0x80}));
    CHECK(to_pc858("12,50\xC2\xA0\xE2\x82\xAC") == bytes({'1', '2', ',', '5', '0', ' ', 0xD5}));
    CHECK(to_pc858("1\xE2\x80\xAF" "299") == "1 299");                 // narrow no-break space
    CHECK(to_pc858("l\xE2\x80\x99\xC5\x93uvre\xE2\x80\xA6") == "l'oeuvre...");  // ’ œ …
    CHECK(to_pc858("\xC2\xAB oui \xC2\xBB") == bytes({0xAE, ' ', 'o', 'u', 'i', ' ', 0xAF}));
    CHECK(to_pc858("\xE6\x97\xA5 \xFF\xFE a\x01") == "? ?? a?");  // other scripts, broken UTF-8, control characters
    CHECK(to_pc858("") == "");
}

TEST_CASE("the ESC/POS stream: initialise, code page, text wrapped to the paper, codes, cut") {
    const std::string out = escpos(sample(), 32);
    CHECK(out.rfind(bytes({0x1B, 0x40, 0x1B, 0x74, 19}), 0) == 0);  // ESC @, ESC t PC858
    CHECK(has(out, bytes({0x1D, 0x21, 0x11})));                      // double-size title
    CHECK(has(out, std::string("Maison Lumi") + static_cast<char>(0x8A) + "re"));
    // The row: the amount right-aligned on the last line of the wrapped name, nothing wider than the paper.
    std::size_t start = out.find("2 ");
    REQUIRE(start != std::string::npos);
    const std::string body = out.substr(start, out.find("\n\x1B", start) - start);
    std::size_t pos = 0, longest = 0, lines = 0;
    while (pos < body.size()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string::npos) nl = body.size();
        longest = std::max(longest, nl - pos);
        ++lines;
        pos = nl + 1;
    }
    CHECK(longest <= 32);
    CHECK(lines >= 4);
    CHECK(has(out, std::string("1 299,00 ") + static_cast<char>(0xD5) + "\n"));
    CHECK(has(out, std::string(32, '-') + "\n"));
    // Code 128 (set B) of the till code and the QR of the address, each with its length.
    CHECK(has(out, bytes({0x1D, 0x6B, 73, 9, '{', 'B'}) + "K4F7Q92"));
    const std::string url = "https://example.org/suivi/K-4F7Q-92";
    CHECK(has(out, bytes({0x1D, 0x28, 0x6B, static_cast<int>(url.size() + 3), 0, 0x31, 0x50, 0x30}) + url));
    CHECK(has(out, bytes({0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30})));
    CHECK(out.substr(out.size() - 4) == bytes({0x1D, 0x56, 66, 4}));  // feed and cut
}

TEST_CASE("a word longer than the paper is cut, never written past the edge") {
    Ticket t;
    t.lines = {{TicketLine::Kind::Text, std::string(70, 'x'), {}}};
    const std::string out = escpos(t, 32);
    CHECK(has(out, std::string(32, 'x') + "\n" + std::string(32, 'x') + "\n" + std::string(6, 'x') + "\n"));
}

TEST_CASE("the ticket is written to the printer device; a missing device is a clear error") {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-ticket-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string device = (dir / "lp0").string();
    { std::ofstream create(device); }  // the device exists; the kiosk never creates it
    const std::string out = escpos(sample(), 48);
    CHECK_FALSE(write_ticket(device, out).has_value());
    std::ifstream in(device, std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(written == out);

    const auto missing = write_ticket((dir / "usb" / "lp1").string(), out);
    REQUIRE(missing.has_value());
    CHECK(has(*missing, "cannot open the printer"));
    CHECK(has(*missing, "lp1"));
    CHECK_FALSE(std::filesystem::exists(dir / "usb"));
    CHECK(write_ticket("", out).has_value());
    std::filesystem::remove_all(dir);
}
