#pragma once
// The operator's page (/ops): the fleet report (report.hpp) as plain HTML with an inline SVG
// chart of orders per day per store. No script, no external resource: the page works under a
// Content-Security-Policy of default-src 'none'.

#include "central_api/util.hpp"

#include <string>

namespace central_api {

// The whole page for a report; `since_date` is the period's first day (YYYY-MM-DD), shown in
// the period form.
std::string ops_report_html(const json& report, const std::string& since_date);
// The sign-in page; `error` (plain text, escaped here) is shown above the form when not empty.
std::string ops_signin_html(const std::string& error);
// The chart alone (an <svg> element): one stacked bar per day from `first_day` to `last_day`
// (YYYY-MM-DD, at most kChartDays days, the latest kept), one colour per store.
constexpr int kChartDays = 62;
std::string orders_chart_svg(const json& orders_per_day, const json& stores, const std::string& first_day,
                             const std::string& last_day);

}  // namespace central_api
