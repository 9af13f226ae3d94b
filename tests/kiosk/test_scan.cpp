// Barcode scanner detection: a scanner types fast and ends with Enter; a person types slowly.
// Timestamps are given with each keystroke, so nothing here waits.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "kiosk/scan.hpp"

namespace {

using kiosk::ScanDetector;

render::KeyStroke key(const std::string& text, double t) {
    render::KeyStroke k;
    k.text = text;
    k.t = t;
    return k;
}

render::KeyStroke enter(double t) {
    render::KeyStroke k;
    k.enter = true;
    k.t = t;
    return k;
}

// Types `code` one character every `gap` seconds from `t` (no Enter); returns the last time and
// whether any keystroke already produced a code.
double type(ScanDetector& d, const std::string& code, double t, double gap, bool* produced = nullptr) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0) t += gap;
        if (d.feed(key(code.substr(i, 1), t)) && produced) *produced = true;
    }
    return t;
}

}  // namespace

TEST_CASE("a fast burst ended by Enter is a scan") {
    ScanDetector d;
    bool early = false;
    const double last = type(d, "3760123456789", 10.0, 0.008, &early);
    CHECK_FALSE(early);  // nothing before Enter
    const auto code = d.feed(enter(last + 0.010));
    REQUIRE(code.has_value());
    CHECK(*code == "3760123456789");
}

TEST_CASE("letters and digits at the edge of the gap still count") {
    ScanDetector d;
    const double last = type(d, "SKU-AB12", 0.0, 0.075);
    const auto code = d.feed(enter(last + 0.075));
    REQUIRE(code.has_value());
    CHECK(*code == "SKU-AB12");
}

TEST_CASE("slow typing is not a scan") {
    ScanDetector d;
    const double last = type(d, "3760123456789", 5.0, 0.120);
    CHECK_FALSE(d.feed(enter(last + 0.050)).has_value());

    // Fast keys but a slow Enter: no scan either.
    ScanDetector d2;
    const double last2 = type(d2, "3760123456789", 5.0, 0.010);
    CHECK_FALSE(d2.feed(enter(last2 + 0.500)).has_value());
}

TEST_CASE("one slow gap in the middle forgets what came before it") {
    ScanDetector d;
    double t = type(d, "999", 0.0, 0.010);
    t = type(d, "12345678", t + 0.300, 0.010);
    const auto code = d.feed(enter(t + 0.010));
    REQUIRE(code.has_value());
    CHECK(*code == "12345678");
}

TEST_CASE("Enter alone is not a scan") {
    ScanDetector d;
    CHECK_FALSE(d.feed(enter(1.0)).has_value());
    CHECK_FALSE(d.feed(enter(1.01)).has_value());
    CHECK_FALSE(d.feed(enter(1.02)).has_value());
}

TEST_CASE("a burst shorter than the minimum length is not a scan") {
    ScanDetector d;
    const double last = type(d, "123", 2.0, 0.010);
    CHECK_FALSE(d.feed(enter(last + 0.010)).has_value());
    // Exactly the minimum is.
    const double last4 = type(d, "1234", 3.0, 0.010);
    const auto code = d.feed(enter(last4 + 0.010));
    REQUIRE(code.has_value());
    CHECK(*code == "1234");
}

TEST_CASE("a non-printable keystroke breaks the burst") {
    ScanDetector d;
    double t = type(d, "376012", 0.0, 0.010);
    CHECK_FALSE(d.feed(key("\t", t + 0.010)).has_value());
    t = type(d, "34", t + 0.020, 0.010);
    CHECK_FALSE(d.feed(enter(t + 0.010)).has_value());  // "34" alone is too short; "376012" was dropped

    ScanDetector d2;
    t = type(d2, "3760", 0.0, 0.010);
    CHECK_FALSE(d2.feed(key("\xC3\xA9", t + 0.010)).has_value());  // "é": not a scanner character
    t = type(d2, "123456", t + 0.020, 0.010);
    const auto code = d2.feed(enter(t + 0.010));
    REQUIRE(code.has_value());
    CHECK(*code == "123456");  // nothing from before the break

    ScanDetector d3;
    t = type(d3, "1234", 0.0, 0.010);
    CHECK_FALSE(d3.feed(key("", t + 0.010)).has_value());  // an empty keystroke
    CHECK_FALSE(d3.feed(enter(t + 0.020)).has_value());
}

TEST_CASE("two scans in a row") {
    ScanDetector d;
    double t = type(d, "3760000000017", 1.0, 0.005);
    auto first = d.feed(enter(t + 0.005));
    REQUIRE(first.has_value());
    CHECK(*first == "3760000000017");
    // The second scan starts right after the first one's Enter.
    t = type(d, "2900012345678", t + 0.010, 0.005);
    auto second = d.feed(enter(t + 0.005));
    REQUIRE(second.has_value());
    CHECK(*second == "2900012345678");
    // And a third much later.
    t = type(d, "ABCDEFGH", t + 60.0, 0.005);
    auto third = d.feed(enter(t + 0.005));
    REQUIRE(third.has_value());
    CHECK(*third == "ABCDEFGH");
}

TEST_CASE("a person typing, then a scan") {
    ScanDetector d;
    double t = type(d, "chemise", 0.0, 0.180);
    CHECK_FALSE(d.feed(enter(t + 0.200)).has_value());
    t = type(d, "3760123456789", t + 2.0, 0.006);
    const auto code = d.feed(enter(t + 0.006));
    REQUIRE(code.has_value());
    CHECK(*code == "3760123456789");
}
