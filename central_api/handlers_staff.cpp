// Staff routes: sessions unlocked by PIN (with lockout), customer purchase history by card.
#include "central_api/problem.hpp"
#include "central_api/requests.hpp"
#include "central_api/secrets.hpp"
#include "central_api/server.hpp"

#include <httplib.h>
#include "central_api/staff_auth.hpp"

#include <sodium.h>

#include <mutex>

namespace central_api {

namespace {

LockoutState read_lockout(Db& db, const std::string& kiosk_id) {
    auto st = db.prepare("SELECT failures, level, locked_until FROM staff_lockouts WHERE kiosk_id = ?");
    st.bind(1, kiosk_id);
    if (!st.step()) return {};
    return {static_cast<int>(st.integer(0)), static_cast<int>(st.integer(1)), st.integer(2)};
}

void write_lockout(Db& db, const std::string& kiosk_id, const LockoutState& s) {
    db.prepare("INSERT INTO staff_lockouts(kiosk_id, failures, level, locked_until) VALUES(?,?,?,?) "
               "ON CONFLICT(kiosk_id) DO UPDATE SET failures = excluded.failures, level = excluded.level, "
               "locked_until = excluded.locked_until")
        .bind(1, kiosk_id).bind(2, s.failures).bind(3, s.level).bind(4, s.locked_until).run();
}

ApiError locked(std::int64_t seconds) {
    return ApiError(429, "staff_locked", "too many wrong PINs on this kiosk; try again in " + std::to_string(seconds) + " s",
                    {{"retry_after_s", seconds}});
}

void open_session(RequestContext& ctx) {
    const StaffSessionRequest request = decode_staff_session(ctx.body);
    const std::string* pin = &request.pin;
    const std::optional<std::string>& staff_id = request.staff_id;

    {
        std::lock_guard lock(ctx.write_mutex);
        if (auto left = lock_remaining(read_lockout(ctx.db, ctx.kiosk.kiosk_id), ctx.now)) throw locked(left);
    }
    // argon2id verification is slow on purpose: done outside the writers' lock.
    std::string sql = "SELECT id, name, pin_hash FROM staff WHERE store_id = ?";
    if (staff_id) sql += " AND id = ?";
    auto st = ctx.db.prepare(sql);
    st.bind(1, ctx.kiosk.store_id);
    if (staff_id) st.bind(2, *staff_id);
    std::string found_id, found_name;
    while (st.step()) {
        std::string hash = st.text(2);
        if (crypto_pwhash_str_verify(hash.c_str(), pin->c_str(), pin->size()) == 0) {
            found_id = st.text(0);
            found_name = st.text(1);
            break;
        }
    }

    std::lock_guard lock(ctx.write_mutex);
    Transaction tx(ctx.db);
    LockoutState state = read_lockout(ctx.db, ctx.kiosk.kiosk_id);
    if (auto left = lock_remaining(state, ctx.now)) throw locked(left);
    if (found_id.empty()) {
        state = after_wrong_pin(state, ctx.now);
        write_lockout(ctx.db, ctx.kiosk.kiosk_id, state);
        tx.commit();
        if (auto left = lock_remaining(state, ctx.now)) throw locked(left);
        // How many more wrong PINs the kiosk may try before it is locked.
        throw ApiError(401, "unauthorized", "wrong PIN", {{"tries_left", std::max(0, kFreeAttempts - state.failures)}});
    }
    write_lockout(ctx.db, ctx.kiosk.kiosk_id, {});
    // The session token goes to the kiosk; the database keeps its SHA-256 only.
    std::string token = random_token(24);
    std::int64_t expires = ctx.now + ctx.options.staff_session_s;
    ctx.db.prepare("DELETE FROM staff_sessions WHERE expires_at < ?").bind(1, ctx.now).run();
    ctx.db.prepare("INSERT INTO staff_sessions(token_hash, staff_id, kiosk_id, expires_at) VALUES(?,?,?,?)")
        .bind(1, sha256_hex(token)).bind(2, found_id).bind(3, ctx.kiosk.kiosk_id).bind(4, expires).run();
    tx.commit();
    ctx.reply(201, {{"token", token}, {"staff", {{"id", found_id}, {"name", found_name}}}, {"expires_at", rfc3339_paris(expires)}});
}

void customer_history(RequestContext& ctx) {
    const std::string card = ctx.req.matches[1];
    auto c = ctx.db.prepare("SELECT name, tier FROM customers WHERE card = ?");
    c.bind(1, card);
    if (!c.step()) throw not_found("no customer with card " + card);
    json purchases = json::array();
    auto st = ctx.db.prepare("SELECT date, store_id, sku, product_id, name, options, quantity, amount FROM purchases "
                             "WHERE card = ? ORDER BY date DESC, rowid DESC LIMIT 500");
    st.bind(1, card);
    while (st.step())
        purchases.push_back({{"date", st.text(0)}, {"store_id", st.text(1)}, {"sku", st.text(2)}, {"product_id", st.text(3)},
                             {"name", json::parse(st.text_view(4))}, {"options", json::parse(st.text_view(5))},
                             {"quantity", st.integer(6)}, {"amount", money(st.integer(7))}});
    ctx.reply(200, {{"customer", {{"name", c.text(0)}, {"card", card}, {"tier", c.text(1)}}}, {"purchases", purchases}});
}

}  // namespace

void add_staff_routes(const RouteFn& add) {
    add("POST", "/v1/staff/sessions", Access::Kiosk, open_session);
    add("DELETE", "/v1/staff/sessions/current", Access::Staff, [](RequestContext& ctx) {
        std::lock_guard lock(ctx.write_mutex);
        ctx.db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?").bind(1, ctx.staff->token_hash).run();
        ctx.res.status = 204;
    });
    add("GET", R"(/v1/customers/by-card/([0-9A-Za-z]{1,32}))", Access::Staff, customer_history);
}

}  // namespace central_api
