#include "outbox.hpp"

#include "json_bounded.hpp"
#include "test_hooks.hpp"

#include <chrono>
#include <filesystem>
#include <random>

namespace catalog_client {

namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

OutboxState state_from(const std::string& s) {
    if (s == "acknowledged") return OutboxState::Acknowledged;
    if (s == "rejected") return OutboxState::Rejected;
    return OutboxState::Pending;
}

// What stays of an order body once the order has ended: what was ordered, how it is fulfilled
// and paid, and from where. Never the address, the contact or the loyalty card (a list of what
// to keep, not of what to drop: a field added later is not kept by mistake).
json ended_body(const json& body) {
    json out = json::object();
    if (!body.is_object()) return out;
    if (auto lines = body.find("lines"); lines != body.end() && lines->is_array()) {
        out["lines"] = json::array();
        for (const auto& l : *lines) {
            if (!l.is_object()) continue;
            json kept = json::object();
            for (const char* key : {"sku", "quantity", "unit_price"})
                if (auto v = l.find(key); v != l.end()) kept[key] = *v;
            out["lines"].push_back(std::move(kept));
        }
    }
    if (auto f = body.find("fulfilment"); f != body.end() && f->is_object()) {
        out["fulfilment"] = json::object();
        for (const char* key : {"type", "store_id"})
            if (auto v = f->find(key); v != f->end() && v->is_string()) out["fulfilment"][key] = *v;
    }
    if (auto p = body.find("payment"); p != body.end() && p->is_object())
        if (auto m = p->find("method"); m != p->end() && m->is_string()) out["payment"] = {{"method", *m}};
    if (auto c = body.find("channel"); c != body.end() && c->is_object()) {
        out["channel"] = json::object();
        for (const char* key : {"store_id", "kiosk_id"})
            if (auto v = c->find(key); v != c->end() && v->is_string()) out["channel"][key] = *v;
    }
    return out;
}

// What stays of a rejection: the problem's fields the kiosk shows (Error::problem is already
// reduced to those), without the free text, which may quote what was sent.
json ended_problem(const Error& e) {
    json out = e.problem.is_object() ? e.problem : json::object();
    out.erase("detail");
    if (!out.contains("code")) out["code"] = e.code.empty() ? std::string(to_string(e.kind)) : e.code;
    return out;
}

bool transient(const Error& e) {
    switch (e.kind) {
        case ErrorKind::Network:
        case ErrorKind::Timeout:
        case ErrorKind::Cancelled:
        case ErrorKind::Storage:
            return true;
        case ErrorKind::Http:
            // 401: the kiosk's token is being replaced; the order waits for it rather than being lost.
            return e.http_status >= 500 || e.http_status == 429 || e.http_status == 408 || e.http_status == 401;
        default:
            // A parse error or an oversized answer after the server may have committed: keep the
            // entry pending and ask again with the same key, which replays the stored answer.
            return true;
    }
}

}  // namespace

const char* to_string(OutboxState state) {
    switch (state) {
        case OutboxState::Pending: return "pending";
        case OutboxState::Acknowledged: return "acknowledged";
        case OutboxState::Rejected: return "rejected";
    }
    return "pending";
}

std::string new_uuid() {
    std::random_device rd;
    std::uint8_t b[16];
    for (auto& x : b) x = static_cast<std::uint8_t>(rd());
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 15];
    }
    return out;
}

Outbox::Outbox(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create the outbox directory " + dir + ": " + ec.message());
    db_ = std::make_unique<Db>(dir + "/outbox.db", Db::Mode::ReadWriteCreate);
    // FULL: an order the kiosk said it recorded survives a power cut. secure_delete: what an
    // ended entry no longer holds is overwritten with zeros in the file, not left in free space.
    db_->exec("PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    db_->exec(R"sql(
CREATE TABLE IF NOT EXISTS entries(
  id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL,
  body TEXT NOT NULL, staff_session TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL,
  response TEXT NOT NULL, problem TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
)sql");
    truncate_log();  // a log left by a process that died after an entry ended
}

void Outbox::truncate_log() {
    try {
        // Copies the log into the file and empties it: the bodies of ended entries, still in
        // the log's older frames, are gone from the disk. A reader in another process may make
        // it incomplete; the next call finishes it.
        db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const DbError&) {
        // Retried after the next entry ends, and at the next start.
    }
}

Result<OutboxEntry> Outbox::enqueue(const json& order_body, const std::string& staff_session) {
    try {
        std::string key = new_uuid();
        std::int64_t now = unix_now();
        db_->prepare("INSERT INTO entries(idempotency_key, state, body, staff_session, attempts, last_error, response, problem, created_at, updated_at) "
                     "VALUES(?, 'pending', ?, ?, 0, '', '', '', ?, ?)")
            .bind(1, key).bind(2, order_body.dump()).bind(3, staff_session).bind(4, now).bind(5, now).run();
        auto entry = get(db_->last_insert_rowid());
        if (!entry) return Error{ErrorKind::Storage, 0, {}, "the outbox lost an entry it just wrote", 0, {}};
        crash_point("outbox.after_enqueue");
        return *entry;
    } catch (const DbError& e) {
        return Error{ErrorKind::Storage, 0, {}, std::string("cannot record the order: ") + e.what(), 0, {}};
    }
}

Result<OutboxEntry> Outbox::send(std::int64_t id, CommerceApi& api) {
    auto entry = get(id);
    if (!entry) return Error{ErrorKind::Storage, 0, {}, "no outbox entry " + std::to_string(id), 0, {}};
    if (entry->state != OutboxState::Pending) return *entry;
    try {
        db_->prepare("UPDATE entries SET attempts = attempts + 1, updated_at = ? WHERE id = ?").bind(1, unix_now()).bind(2, id).run();
    } catch (const DbError& e) {
        return Error{ErrorKind::Storage, 0, {}, e.what(), 0, {}};
    }
    auto result = wait<Order>([&](auto done) { api.place_order(entry->idempotency_key, entry->body, entry->staff_session, done); });
    if (result.ok()) crash_point("outbox.after_answer");
    // Only what the kiosk shows is kept (Order holds no address, contact or loyalty card).
    if (result.ok()) return finish(id, OutboxState::Acknowledged, to_json(result.value()).dump(), json());
    const Error& e = result.error();
    if (!transient(e)) return finish(id, OutboxState::Rejected, "", ended_problem(e));
    try {
        db_->prepare("UPDATE entries SET last_error = ?, updated_at = ? WHERE id = ?").bind(1, describe(e)).bind(2, unix_now()).bind(3, id).run();
    } catch (const DbError&) {
        // The entry stays pending either way; the error is reported below.
    }
    return e;
}

Result<OutboxEntry> Outbox::finish(std::int64_t id, OutboxState state, const std::string& response, const json& problem) {
    try {
        auto entry = get(id);
        if (!entry) return Error{ErrorKind::Storage, 0, {}, "no outbox entry " + std::to_string(id), 0, {}};
        db_->prepare("UPDATE entries SET state = ?, body = ?, staff_session = '', response = ?, problem = ?, last_error = '', updated_at = ? WHERE id = ?")
            .bind(1, to_string(state)).bind(2, ended_body(entry->body).dump()).bind(3, response)
            .bind(4, problem.is_null() ? std::string() : problem.dump()).bind(5, unix_now()).bind(6, id).run();
        truncate_log();
        auto done = get(id);
        if (!done) return Error{ErrorKind::Storage, 0, {}, "no outbox entry " + std::to_string(id), 0, {}};
        return *done;
    } catch (const DbError& e) {
        return Error{ErrorKind::Storage, 0, {}, e.what(), 0, {}};
    }
}

std::vector<OutboxEntry> Outbox::resend_pending(CommerceApi& api) {
    std::vector<OutboxEntry> out;
    for (const auto& entry : list(true)) {
        auto sent = send(entry.id, api);
        auto now = get(entry.id);
        if (now) out.push_back(std::move(*now));
        (void)sent;
    }
    return out;
}

std::optional<OutboxEntry> Outbox::get(std::int64_t id) {
    auto st = db_->prepare("SELECT id, idempotency_key, state, body, staff_session, attempts, last_error, response, problem, created_at, updated_at FROM entries WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    OutboxEntry e;
    e.id = st.integer(0);
    e.idempotency_key = st.text(1);
    e.state = state_from(st.text(2));
    e.body = parse_json_or_discarded(st.text_view(3));
    e.staff_session = st.text(4);
    e.attempts = static_cast<int>(st.integer(5));
    e.last_error = st.text(6);
    if (!st.text_view(7).empty()) {
        auto order = parse_order(parse_json_or_discarded(st.text_view(7)));
        if (order.ok()) e.order = std::move(order).value();
    }
    if (!st.text_view(8).empty()) {
        e.problem = parse_json_or_discarded(st.text_view(8));
        if (!e.problem.is_object()) e.problem = json::object();
    }
    e.created_at = st.integer(9);
    e.updated_at = st.integer(10);
    return e;
}

std::vector<OutboxEntry> Outbox::list(bool pending_only) {
    std::vector<std::int64_t> ids;
    auto st = db_->prepare(pending_only ? "SELECT id FROM entries WHERE state = 'pending' ORDER BY id" : "SELECT id FROM entries ORDER BY id");
    while (st.step()) ids.push_back(st.integer(0));
    std::vector<OutboxEntry> out;
    for (auto id : ids)
        if (auto e = get(id)) out.push_back(std::move(*e));
    return out;
}

std::int64_t Outbox::depth() {
    auto st = db_->prepare("SELECT COUNT(*) FROM entries WHERE state = 'pending'");
    st.step();
    return st.integer(0);
}

}  // namespace catalog_client
