#include "catalog_client/usage_log.hpp"

#include "catalog_client/sqlite.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace catalog_client {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// A word of digits and the separators numbers are written with ("06.12.34", "+33", "205/55").
bool numeric(const std::string& w) {
    bool digit = false;
    for (char c : w) {
        if (c >= '0' && c <= '9') digit = true;
        else if (std::string_view(".-/+()").find(c) == std::string_view::npos) return false;
    }
    return digit;
}
std::size_t digits_in(const std::string& w) {
    std::size_t n = 0;
    for (char c : w) n += c >= '0' && c <= '9';
    return n;
}
}  // namespace

std::string redact_search_text(std::string_view typed) {
    const std::string folded = fold(typed.substr(0, 1024));
    std::vector<std::string> words;
    for (std::size_t i = 0; i < folded.size();) {
        if (is_space(folded[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < folded.size() && !is_space(folded[end])) ++end;
        words.push_back(folded.substr(i, end - i));
        i = end;
    }
    // An address ("@") becomes "#"; so does a number of nine digits or more, however it is
    // spaced (a phone, card or EAN number), while sizes and tyre dimensions stay.
    std::string clean;
    auto put = [&](const std::string& w) { clean += (clean.empty() ? "" : " ") + w; };
    for (std::size_t i = 0; i < words.size();) {
        if (words[i].find('@') != std::string::npos) {
            put("#");
            ++i;
            continue;
        }
        std::size_t end = i, digits = 0;
        while (end < words.size() && numeric(words[end])) digits += digits_in(words[end++]);
        if (end == i) {
            // Inside a word ("tel:0612345678"): the long digit runs alone.
            std::string kept;
            const std::string& w = words[i++];
            for (std::size_t k = 0; k < w.size();) {
                std::size_t run = 0;
                while (k + run < w.size() && w[k + run] >= '0' && w[k + run] <= '9') ++run;
                if (run >= 9) kept += '#';
                else kept.append(w, k, std::max<std::size_t>(run, 1));
                k += std::max<std::size_t>(run, 1);
            }
            put(kept);
        } else if (digits >= 9) {
            put("#");
            i = end;
        } else {
            for (; i < end; ++i) put(words[i]);
        }
    }
    // At most 64 bytes, without cutting a character.
    if (clean.size() > 64) {
        std::size_t cut = 64;
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
        clean.resize(cut);
        while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    }
    return clean;
}

UsageLog::UsageLog(const std::string& dir, std::int64_t max_events) : max_events_(max_events) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create the directory " + dir + ": " + ec.message());
    db_ = std::make_unique<Db>(dir + "/usage.db", Db::Mode::ReadWriteCreate);
    db_->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
              "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, at INTEGER NOT NULL,"
              " session TEXT NOT NULL, detail TEXT NOT NULL, value INTEGER NOT NULL);");
}

UsageLog::~UsageLog() = default;

bool UsageLog::record_search(std::string_view typed, std::int64_t results, std::int64_t at, const std::string& session) {
    const std::string text = redact_search_text(typed);
    if (text.empty()) return true;  // nothing typed: nothing to count
    return record("search", text, results, at, session);
}

bool UsageLog::record(std::string_view kind, std::string_view detail, std::int64_t value, std::int64_t at,
                      const std::string& session) {
    try {
        Transaction tx(*db_);
        db_->prepare("INSERT INTO events(kind, at, session, detail, value) VALUES(?, ?, ?, ?, ?)")
            .bind(1, std::string(kind.substr(0, 32))).bind(2, at).bind(3, session.substr(0, 64))
            .bind(4, std::string(detail.substr(0, 64))).bind(5, value).run();
        db_->prepare("DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?").bind(1, max_events_).run();
        tx.commit();
        return true;
    } catch (const DbError&) {
        return false;
    }
}

std::vector<UsageEvent> UsageLog::pending(int limit) {
    std::vector<UsageEvent> out;
    auto st = db_->prepare("SELECT id, kind, at, session, detail, value FROM events ORDER BY id LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    while (st.step()) out.push_back({st.integer(0), st.text(1), st.integer(2), st.text(3), st.text(4), st.integer(5)});
    return out;
}

std::int64_t UsageLog::count() {
    auto st = db_->prepare("SELECT COUNT(*) FROM events");
    st.step();
    return st.integer(0);
}

void UsageLog::acknowledge(std::int64_t up_to_id) { db_->prepare("DELETE FROM events WHERE id <= ?").bind(1, up_to_id).run(); }

std::vector<std::pair<std::string, std::int64_t>> UsageLog::searches_without_results(int limit) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto st = db_->prepare("SELECT detail, COUNT(*) AS n FROM events WHERE kind = 'search' AND value = 0 "
                           "GROUP BY detail ORDER BY n DESC, detail LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    while (st.step()) out.emplace_back(st.text(0), st.integer(1));
    return out;
}

}  // namespace catalog_client
