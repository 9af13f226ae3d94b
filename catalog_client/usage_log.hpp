#pragma once
// What the kiosk keeps of how it is used, for the retailer: events recorded on disk
// (DIR/usage.db, beside the outbox) until the central API acknowledges them, never personal.
// Today it records the searches shoppers leave (the text and how many products it found), so
// that the searches that found nothing are counted; `kioskctl searches` prints them. The
// appliance's heartbeat and analytics (issue 14) send the events and add the other kinds.
//
// Nothing personal: a search text is folded (lower case, no accents), cut to 64 bytes, and every
// run of seven or more digits (a phone or card number typed by mistake) is replaced by "#".
// Bounded: at most kMaxUsageEvents are kept, the oldest dropped first.
//
// Threads: one UsageLog per thread (its own SQLite connection). Errors: the constructor throws
// std::runtime_error when the file cannot be opened; record() returns false on a disk error
// (an event is worth less than the shopper's flow: the caller logs it and goes on).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

class Db;

inline constexpr std::int64_t kMaxUsageEvents = 50000;

struct UsageEvent {
    std::int64_t id = 0;
    std::string kind;    // "search"
    std::int64_t at = 0;  // Unix seconds
    std::string session;  // the shopper session it happened in (a random id, nothing personal)
    std::string detail;  // search: the redacted text
    std::int64_t value = 0;  // search: how many products it found (at least, when more)
};

// A search text as it may be kept: folded, at most 64 bytes (whole characters), long digit runs
// replaced by "#".
std::string redact_search_text(std::string_view typed);

class UsageLog {
public:
    explicit UsageLog(const std::string& dir, std::int64_t max_events = kMaxUsageEvents);
    ~UsageLog();
    UsageLog(const UsageLog&) = delete;
    UsageLog& operator=(const UsageLog&) = delete;

    bool record_search(std::string_view typed, std::int64_t results, std::int64_t at, const std::string& session = {});
    // Events not yet acknowledged, oldest first.
    std::vector<UsageEvent> pending(int limit);
    // The central API kept every event up to this id: they are deleted.
    void acknowledge(std::int64_t up_to_id);
    // Searches that found nothing among the kept events: text and how many times, most first.
    std::vector<std::pair<std::string, std::int64_t>> searches_without_results(int limit);

private:
    std::unique_ptr<Db> db_;
    std::int64_t max_events_;
};

}  // namespace catalog_client
