#pragma once
// The fleet and contribution report: how each kiosk is doing (its last heartbeat) and what the
// kiosks brought over a period (sessions, searches, product views, orders and revenue), per
// kiosk, per store and in total, read from the kiosks, heartbeats, events and orders tables.
// Read-only. Used by `central-api report`, GET /v1/reports/kiosks and the /ops page.
//
// Where each figure comes from:
//   sessions, sessions with a search or an order, product views, availability checks, adds to
//   cart, searches that found nothing: the kiosks' usage events, by the time they happened
//   (`at`), so events a kiosk kept while offline count on their day;
//   orders, revenue, fulfilment, staff-assisted: the orders table (what was really placed),
//   by the kiosk that placed them;
//   conversion: sessions with an order_placed event / sessions started.

#include "central_api/db.hpp"
#include "central_api/util.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace central_api {

// A kiosk is overdue when its last heartbeat is older than this many of its own intervals
// (the interval it reports; 60 s when it reports none), or when it never sent one.
constexpr std::int64_t kOverdueIntervals = 3;
constexpr std::int64_t kDefaultHeartbeatInterval = 60;

// The period a report covers when none is given: from midnight (Paris) 30 days before `now`;
// returned as its first day, "YYYY-MM-DD".
constexpr std::int64_t kDefaultReportDays = 30;
std::string default_report_date(std::int64_t now);

// An age for people: whole seconds under 2 minutes, minutes under 2 hours, hours under 2 days,
// then days (`unit` 's', 'm', 'h' or 'd').
struct RoundedAge {
    std::int64_t value = 0;
    char unit = 's';
};
RoundedAge rounded_age(std::int64_t seconds);

// "YYYY-MM-DD" → Unix seconds of that day's midnight in Paris; nullopt when it is not a valid
// date between 2000 and 2100.
std::optional<std::int64_t> parse_report_date(std::string_view text);

// The report over [since, now]. Its JSON form is documented in central_api/README.md.
json fleet_report(Db& db, std::int64_t since, std::int64_t now);

// The same as text tables for a terminal (`central-api report` without --json).
std::string report_text(const json& report);

}  // namespace central_api
