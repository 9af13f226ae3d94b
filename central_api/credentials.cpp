#include "central_api/credentials.hpp"

#include "central_api/secrets.hpp"
#include "central_api/util.hpp"

#include <stdexcept>

namespace central_api {

std::string set_kiosk_token(Db& db, const std::string& kiosk_id, const std::string& store_id) {
    if (kiosk_id.empty() || kiosk_id.size() > 64 ||
        kiosk_id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
        throw std::runtime_error("a kiosk id is 1 to 64 of a-z, 0-9, '-' and '_'; got '" + kiosk_id + "'");
    Transaction tx(db);
    std::string store = store_id;
    auto existing = db.prepare("SELECT store_id FROM kiosks WHERE id = ?");
    existing.bind(1, kiosk_id);
    const bool exists = existing.step();
    if (store.empty()) {
        if (!exists) throw std::runtime_error("kiosk " + kiosk_id + " does not exist: give its store (--store)");
        store = existing.text(0);
    }
    auto where = db.prepare("SELECT 1 FROM locations WHERE id = ? AND kind = 'store'");
    where.bind(1, store);
    if (!where.step()) throw std::runtime_error("no store " + store);
    const std::string token = random_token(24);
    db.prepare("INSERT INTO kiosks(id, store_id, token_hash) VALUES(?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET store_id = excluded.store_id, token_hash = excluded.token_hash")
        .bind(1, kiosk_id)
        .bind(2, store)
        .bind(3, sha256_hex(token))
        .run();
    tx.commit();
    return token;
}

bool remove_kiosk(Db& db, const std::string& kiosk_id) {
    auto st = db.prepare("DELETE FROM kiosks WHERE id = ?");
    st.bind(1, kiosk_id).run();
    return db.changes() > 0;
}

OperatorToken create_operator(Db& db, const std::string& label, std::int64_t now) {
    OperatorToken out{"op-" + random_token(4), label, random_token(24)};
    db.prepare("INSERT INTO operators(id, label, token_hash, created_at) VALUES(?,?,?,?)")
        .bind(1, out.id)
        .bind(2, label)
        .bind(3, sha256_hex(out.token))
        .bind(4, now)
        .run();
    return out;
}

bool revoke_operator(Db& db, const std::string& id) {
    Transaction tx(db);
    auto st = db.prepare("SELECT 1 FROM operators WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return false;
    db.prepare("DELETE FROM ops_sessions WHERE operator_id = ?").bind(1, id).run();
    db.prepare("DELETE FROM operators WHERE id = ?").bind(1, id).run();
    tx.commit();
    return true;
}

std::vector<OperatorInfo> list_operators(Db& db) {
    std::vector<OperatorInfo> out;
    auto st = db.prepare("SELECT id, label, created_at FROM operators ORDER BY created_at, id");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2)});
    return out;
}

std::optional<std::string> find_operator(Db& db, const std::string& token) {
    if (token.empty()) return std::nullopt;
    const std::string hash = sha256_hex(token);
    auto st = db.prepare("SELECT id, token_hash FROM operators WHERE token_hash = ?");
    st.bind(1, hash);
    if (!st.step() || !same_hash(st.text(1), hash)) return std::nullopt;
    return st.text(0);
}

std::string open_ops_session(Db& db, const std::string& operator_id, std::int64_t now) {
    const std::string cookie = random_token(32);
    Transaction tx(db);
    db.prepare("DELETE FROM ops_sessions WHERE expires_at <= ?").bind(1, now).run();
    db.prepare("INSERT INTO ops_sessions(token_hash, operator_id, expires_at) VALUES(?,?,?)")
        .bind(1, sha256_hex(cookie))
        .bind(2, operator_id)
        .bind(3, now + kOpsSessionSeconds)
        .run();
    tx.commit();
    return cookie;
}

std::optional<std::string> find_ops_session(Db& db, const std::string& cookie, std::int64_t now) {
    if (cookie.empty()) return std::nullopt;
    const std::string hash = sha256_hex(cookie);
    auto st = db.prepare("SELECT operator_id, token_hash, expires_at FROM ops_sessions WHERE token_hash = ?");
    st.bind(1, hash);
    if (!st.step() || !same_hash(st.text(1), hash) || st.integer(2) <= now) return std::nullopt;
    return st.text(0);
}

void close_ops_session(Db& db, const std::string& cookie) {
    if (cookie.empty()) return;
    db.prepare("DELETE FROM ops_sessions WHERE token_hash = ?").bind(1, sha256_hex(cookie)).run();
}

}  // namespace central_api
