// Routes about the kiosk itself: health, identity, analytics events, heartbeat.
#include "central_api/catalog.hpp"
#include "central_api/problem.hpp"
#include "central_api/requests.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

namespace central_api {

namespace {
constexpr const char* kVersion = "0.1.0";

// What is stored is what was validated (unknown fields are dropped), re-serialised from the
// decoded request: never a dump of the client's document.
void events(RequestContext& ctx) {
    const EventsRequest request = decode_events(ctx.body);
    {
        std::lock_guard lock(ctx.write_mutex);
        Transaction tx(ctx.db);
        auto st = ctx.db.prepare("INSERT INTO events(kiosk_id, received_at, doc) VALUES(?,?,?)");
        for (const auto& e : request.events)
            st.bind(1, ctx.kiosk.kiosk_id).bind(2, ctx.now).bind(3, stored_event(e).dump(-1, ' ', false, json::error_handler_t::replace)).run();
        tx.commit();
    }
    ctx.reply(202, {{"accepted", request.events.size()}});
}

void heartbeat(RequestContext& ctx) {
    const HeartbeatRequest request = decode_heartbeat(ctx.body);
    {
        std::lock_guard lock(ctx.write_mutex);
        ctx.db.prepare("INSERT INTO heartbeats(kiosk_id, received_at, doc) VALUES(?,?,?) "
                       "ON CONFLICT(kiosk_id) DO UPDATE SET received_at = excluded.received_at, doc = excluded.doc")
            .bind(1, ctx.kiosk.kiosk_id)
            .bind(2, ctx.now)
            .bind(3, stored_heartbeat(request).dump(-1, ' ', false, json::error_handler_t::replace))
            .run();
    }
    ctx.res.status = 204;
}
}  // namespace

void add_kiosk_routes(const RouteFn& add) {
    add("GET", "/v1/health", Access::Public, [](RequestContext& ctx) {
        ctx.reply(200, {{"status", "ok"}, {"version", kVersion}});
    });
    add("GET", "/v1/kiosks/me", Access::Kiosk, [](RequestContext& ctx) {
        ctx.reply(200, {{"kiosk_id", ctx.kiosk.kiosk_id}, {"store_id", ctx.kiosk.store_id}});
    });
    add("POST", "/v1/events", Access::Kiosk, events);
    add("POST", "/v1/kiosks/heartbeat", Access::Kiosk, heartbeat);
}

}  // namespace central_api
