#include "catalog_client/outbox.hpp"

#include "catalog_client/json_bounded.hpp"
#include "catalog_client/test_hooks.hpp"

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
    // Added after the first release: the backend's note (Medusa: the cart to complete again).
    bool has_note = false;
    auto columns = db_->prepare("SELECT name FROM pragma_table_info('entries')");
    while (columns.step()) has_note = has_note || columns.text(0) == "backend_note";
    if (!has_note) db_->exec("ALTER TABLE entries ADD COLUMN backend_note TEXT NOT NULL DEFAULT ''");
    truncate_log();  // a log left by a process that died after an entry ended
}

std::string Outbox::order_note(const std::string& idempotency_key) {
    try {
        auto q = db_->prepare("SELECT backend_note FROM entries WHERE idempotency_key = ? AND state = 'pending'");
        q.bind(1, idempotency_key);
        return q.step() ? q.text(0) : std::string();
    } catch (const DbError&) {
        return {};
    }
}

bool Outbox::set_order_note(const std::string& idempotency_key, const std::string& note) {
    try {
        db_->prepare("UPDATE entries SET backend_note = ? WHERE idempotency_key = ? AND state = 'pending'")
            .bind(1, note).bind(2, idempotency_key).run();
        return db_->changes() == 1;
    } catch (const DbError&) {
        return false;
    }
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

Result<OutboxEntry> Outbox::enqueue(const OrderRequest& request, const std::string& staff_session) {
    try {
        std::string key = new_uuid();
        std::int64_t now = unix_now();
        db_->prepare("INSERT INTO entries(idempotency_key, state, body, staff_session, attempts, last_error, response, problem, created_at, updated_at) "
                     "VALUES(?, 'pending', ?, ?, 0, '', '', '', ?, ?)")
            .bind(1, key).bind(2, to_json(request).dump()).bind(3, staff_session).bind(4, now).bind(5, now).run();
        auto entry = get(db_->last_insert_rowid());
        if (!entry) return Error::of(ErrorKind::Storage, "the outbox lost an entry it just wrote");
        crash_point("outbox.after_enqueue");
        return *entry;
    } catch (const DbError& e) {
        return Error::of(ErrorKind::Storage, std::string("cannot record the order: ") + e.what());
    }
}

namespace {

OrderOutcome outcome_of(const OutboxEntry& entry) {
    OrderOutcome out;
    out.outbox_id = entry.id;
    out.state = entry.state;
    out.order = entry.order;
    out.rejection = entry.rejection;
    out.error = entry.last_error;
    return out;
}

OrderOutcome still_pending(std::int64_t id, std::string why) {
    OrderOutcome out;
    out.outbox_id = id;
    out.error = std::move(why);
    return out;
}

}  // namespace

OrderOutcome Outbox::send(std::int64_t id, CommerceApi& api) {
    std::optional<OutboxEntry> entry;
    try {
        entry = get(id);
    } catch (const DbError& e) {
        return still_pending(id, std::string("cannot read the outbox: ") + e.what());
    }
    if (!entry) return still_pending(id, "no outbox entry " + std::to_string(id));
    if (entry->state != OutboxState::Pending) return outcome_of(*entry);
    if (!entry->readable) return outcome_of(*entry);  // never sent: the operator sees why (kioskctl outbox)
    try {
        db_->prepare("UPDATE entries SET attempts = attempts + 1, updated_at = ? WHERE id = ?").bind(1, unix_now()).bind(2, id).run();
    } catch (const DbError& e) {
        return still_pending(id, e.what());
    }
    auto result = wait<Order>([&](auto done) { api.place_order(entry->idempotency_key, entry->request, entry->staff_session, done); });
    if (result.ok()) crash_point("outbox.after_answer");
    // Only what the kiosk shows is kept (Order holds no address, contact or loyalty card).
    if (result.ok()) return finish(*entry, OutboxState::Acknowledged, to_json(result.value()).dump(), "");
    const Error& e = result.error();
    if (!transient(e)) return finish(*entry, OutboxState::Rejected, "", to_json(rejection_of(e)).dump());
    try {
        db_->prepare("UPDATE entries SET last_error = ?, updated_at = ? WHERE id = ?").bind(1, describe(e)).bind(2, unix_now()).bind(3, id).run();
    } catch (const DbError&) {
        // The entry stays pending either way; the error is reported below.
    }
    return still_pending(id, describe(e));
}

OrderOutcome Outbox::finish(const OutboxEntry& entry, OutboxState state, const std::string& response, const std::string& rejection) {
    try {
        db_->prepare("UPDATE entries SET state = ?, body = ?, staff_session = '', backend_note = '', response = ?, problem = ?, last_error = '', updated_at = ? WHERE id = ?")
            .bind(1, to_string(state)).bind(2, to_json(without_personal_data(entry.request)).dump()).bind(3, response)
            .bind(4, rejection).bind(5, unix_now()).bind(6, entry.id).run();
        truncate_log();
        auto done = get(entry.id);
        if (!done) return still_pending(entry.id, "no outbox entry " + std::to_string(entry.id));
        return outcome_of(*done);
    } catch (const DbError& e) {
        // Not recorded: the entry is still pending, and sending it again with its key replays the answer.
        return still_pending(entry.id, std::string("cannot record the answer: ") + e.what());
    }
}

std::vector<OrderOutcome> Outbox::resend_pending(CommerceApi& api) {
    std::vector<OrderOutcome> out;
    for (const auto& entry : list(true)) out.push_back(send(entry.id, api));
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
    if (auto request = parse_order_request(parse_json_or_discarded(st.text_view(3)))) {
        e.request = std::move(request).value();
    } else {
        e.readable = false;
        e.last_error = "the stored order cannot be read back (" + request.error().message + ")";
    }
    e.staff_session = st.text(4);
    e.attempts = static_cast<int>(st.integer(5));
    if (e.readable) e.last_error = st.text(6);
    if (!st.text_view(7).empty()) {
        auto order = parse_order(parse_json_or_discarded(st.text_view(7)));
        if (order.ok()) e.order = std::move(order).value();
    }
    if (!st.text_view(8).empty()) {
        auto rejection = parse_order_rejection(parse_json_or_discarded(st.text_view(8)));
        e.rejection = rejection.ok() ? std::move(rejection).value() : OrderRejection{};
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
