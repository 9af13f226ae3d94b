// Routes about the kiosk itself: health, identity, analytics events, heartbeat.
#include "catalog.hpp"
#include "problem.hpp"
#include "server.hpp"

#include <httplib.h>

namespace central_api {

namespace {
constexpr const char* kVersion = "0.1.0";

void events(Ctx& ctx) {
    json body = ctx.body();
    FieldCheck check;
    const json* list = check.array(body, "events", "events", true, 1000);
    check.throw_if_any();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& e = (*list)[i];
        std::string path = "events[" + std::to_string(i) + "]";
        if (!e.is_object()) {
            check.add(path, "wrong_type");
            continue;
        }
        check.string(e, "type", path + ".type", true, 64);
        check.string(e, "at", path + ".at", true, 64);
        check.string(e, "session_id", path + ".session_id", true, 128);
        check.object(e, "data", path + ".data", false);
    }
    check.throw_if_any();
    {
        std::lock_guard lock(ctx.write_mutex);
        Transaction tx(ctx.db);
        auto st = ctx.db.prepare("INSERT INTO events(kiosk_id, received_at, doc) VALUES(?,?,?)");
        for (const auto& e : *list) st.bind(1, ctx.kiosk.kiosk_id).bind(2, ctx.now).bind(3, e.dump()).run();
        tx.commit();
    }
    ctx.reply(202, {{"accepted", list->size()}});
}

void heartbeat(Ctx& ctx) {
    json body = ctx.body();
    FieldCheck check;
    check.string(body, "version", "version", true, 64);
    if (body.contains("catalog_cursor") && !body["catalog_cursor"].is_null())
        check.string(body, "catalog_cursor", "catalog_cursor", true, 200);
    check.integer(body, "outbox_depth", "outbox_depth", true, 0, 1'000'000);
    check.integer(body, "uptime_s", "uptime_s", true, 0, 100LL * 365 * 86400);
    check.string(body, "last_error", "last_error", false, 2000);
    check.throw_if_any();
    {
        std::lock_guard lock(ctx.write_mutex);
        ctx.db.prepare("INSERT INTO heartbeats(kiosk_id, received_at, doc) VALUES(?,?,?) "
                       "ON CONFLICT(kiosk_id) DO UPDATE SET received_at = excluded.received_at, doc = excluded.doc")
            .bind(1, ctx.kiosk.kiosk_id)
            .bind(2, ctx.now)
            .bind(3, body.dump())
            .run();
    }
    ctx.res.status = 204;
}
}  // namespace

void add_kiosk_routes(const RouteFn& add) {
    add("GET", "/v1/health", Access::Public, [](Ctx& ctx) {
        ctx.reply(200, {{"status", "ok"}, {"version", kVersion}});
    });
    add("GET", "/v1/kiosks/me", Access::Kiosk, [](Ctx& ctx) {
        ctx.reply(200, {{"kiosk_id", ctx.kiosk.kiosk_id}, {"store_id", ctx.kiosk.store_id}});
    });
    add("POST", "/v1/events", Access::Kiosk, events);
    add("POST", "/v1/kiosks/heartbeat", Access::Kiosk, heartbeat);
}

}  // namespace central_api
