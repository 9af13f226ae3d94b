// Unit tests of the server's pure helpers: time zone, formats, codes, cursors, lockout, hours.
#include "central_api/catalog.hpp"
#include "central_api/fulfilment.hpp"
#include "central_api/staff_auth.hpp"
#include "central_api/util.hpp"

#include <doctest/doctest.h>

using namespace central_api;

TEST_CASE("Paris time follows the EU summer-time rule") {
    // 2026-03-29 00:59:59 UTC is still winter time; 01:00:00 UTC is summer time.
    std::int64_t switch_on = paris_to_unix(2026, 3, 29, 3 * 60);  // 03:00 CEST
    CHECK(rfc3339_paris(switch_on) == "2026-03-29T03:00:00+02:00");
    CHECK(rfc3339_paris(switch_on - 1) == "2026-03-29T01:59:59+01:00");
    CHECK(rfc3339_paris(paris_to_unix(2026, 11, 23, 17 * 60 + 30)) == "2026-11-23T17:30:00+01:00");
    CHECK(rfc3339_paris(paris_to_unix(2026, 7, 14, 12 * 60)) == "2026-07-14T12:00:00+02:00");
    ParisTime t = paris_time(paris_to_unix(2026, 11, 23, 9 * 60));
    CHECK(t.weekday == 1);  // a Monday
    CHECK(t.minute_of_day == 9 * 60);
    CHECK(date_paris(paris_to_unix(2026, 12, 31, 23 * 60 + 59)) == "2026-12-31");
}

TEST_CASE("slugs fold French accents and ligatures") {
    CHECK(slugify("Bleu marine") == "bleu-marine");
    CHECK(slugify("Crème Écru") == "creme-ecru");
    CHECK(slugify("Œuvre cœur") == "oeuvre-coeur");
    CHECK(slugify("205/55 R16") == "205-55-r16");
    CHECK(slugify("  --  ") == "");
}

TEST_CASE("EAN-13 check digits") {
    CHECK(ean13_check_digit("400638133393") == 1);  // 4006381333931
    CHECK(ean13_check_digit("376012345678") == (10 - (3 + 7 * 3 + 6 + 0 + 1 + 2 * 3 + 3 + 4 * 3 + 5 + 6 * 3 + 7 + 8 * 3) % 10) % 10);
}

TEST_CASE("distances between real cities") {
    double paris_lyon = distance_km(48.8606, 2.3436, 45.7606, 4.8594);
    CHECK(paris_lyon > 380);
    CHECK(paris_lyon < 400);
}

TEST_CASE("cursors round-trip and reject garbage") {
    Cursor c{12345, "abcdef012345", 1790000000};
    auto back = decode_cursor(encode_cursor(c));
    REQUIRE(back);
    CHECK(back->seq == 12345);
    CHECK(back->epoch == "abcdef012345");
    CHECK(back->issued == 1790000000);
    CHECK_FALSE(decode_cursor(""));
    CHECK_FALSE(decode_cursor("c1.."));
    CHECK_FALSE(decode_cursor("c1.x.-5.3"));
    CHECK_FALSE(decode_cursor("c2.x.5.3"));
    CHECK_FALSE(decode_cursor(std::string(500, 'c')));
}

TEST_CASE("staff lockout: 5 wrong PINs lock for 30 s, then each further wrong PIN doubles the delay") {
    LockoutState s;
    std::int64_t now = 1'000'000;
    for (int i = 0; i < 4; ++i) {
        s = after_wrong_pin(s, now);
        CHECK(lock_remaining(s, now) == 0);
    }
    s = after_wrong_pin(s, now);
    CHECK(lock_remaining(s, now) == 30);
    now += 30;
    CHECK(lock_remaining(s, now) == 0);
    s = after_wrong_pin(s, now);
    CHECK(lock_remaining(s, now) == 60);
    now += 60;
    s = after_wrong_pin(s, now);
    CHECK(lock_remaining(s, now) == 120);
    for (int i = 0; i < 20; ++i) {
        now += lock_remaining(s, now);
        s = after_wrong_pin(s, now);
    }
    CHECK(lock_remaining(s, now) == kMaxLockS);
}

TEST_CASE("opening hours: open now, next opening, closed dates, lunch breaks") {
    json store = {{"opening_hours", json::array({{{"day", 2}, {"open", "09:30"}, {"close", "12:30"}},
                                                 {{"day", 2}, {"open", "14:00"}, {"close", "19:00"}},
                                                 {{"day", 3}, {"open", "09:30"}, {"close", "19:00"}}})},
                  {"closed_dates", json::array({"2026-11-25"})}};
    // Tuesday 2026-11-24
    CHECK(is_open(store, paris_to_unix(2026, 11, 24, 10 * 60)));
    CHECK_FALSE(is_open(store, paris_to_unix(2026, 11, 24, 13 * 60)));
    CHECK(*next_open(store, paris_to_unix(2026, 11, 24, 13 * 60)) == paris_to_unix(2026, 11, 24, 14 * 60));
    // After Tuesday's close, Wednesday is a closed date: next opening is the following Tuesday.
    CHECK(*next_open(store, paris_to_unix(2026, 11, 24, 20 * 60)) == paris_to_unix(2026, 12, 1, 9 * 60 + 30));
    CHECK_FALSE(is_open(store, paris_to_unix(2026, 11, 23, 10 * 60)));  // Monday: no hours
    json never = {{"opening_hours", json::array()}};
    CHECK_FALSE(next_open(never, paris_to_unix(2026, 11, 24, 10 * 60)));
}
