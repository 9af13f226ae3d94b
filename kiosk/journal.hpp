#pragma once
// Log lines with structured fields for journald. Under systemd the kiosk's stderr is the
// journal ($JOURNAL_STREAM names it): `use_journal_when_connected` then sends every spdlog line
// to the journal directly (with its priority), and `log_event` adds fields a fleet tool can
// filter on (`journalctl -u endless-aisle-kiosk KIOSK_EVENT=order_acknowledged`):
//   KIOSK_EVENT       what happened (order_acknowledged, order_rejected, order_pending,
//                     sync_failed, sync_done, worker_failed, …)
//   KIOSK_ORDER       an order number
//   KIOSK_ERROR_KIND  an error's kind (timeout, offline, http, rejected code, …)
// Elsewhere `log_event` is an ordinary spdlog line. Fields carry ids and codes only: never a
// name, an address, an email, a phone, a loyalty card or a staff token.
// Thread-safe (spdlog and sd_journal_send are).

#include <spdlog/common.h>

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

using LogFields = std::vector<std::pair<std::string, std::string>>;  // {"KIOSK_ORDER", "K-…"}

// True when stderr is the journal ($JOURNAL_STREAM matches its device and inode).
bool stderr_is_journal();
// Replaces spdlog's default sink by the journal when stderr is the journal. Returns whether it did.
bool use_journal_when_connected();

// The journal entry of an event: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER and the fields,
// "NAME=value" each (names upper-cased, values on one line).
std::vector<std::string> journal_entry(spdlog::level::level_enum level, const std::string& message, const LogFields& fields);

// Logs `message` (and the fields, as "KEY=value" after it when not on the journal).
void log_event(spdlog::level::level_enum level, const std::string& message, const LogFields& fields);

}  // namespace kiosk
