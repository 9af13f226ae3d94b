// The usage events the reducer emits (fx::Track) over a shopper's journey: what the retailer
// counts, with nothing personal in them.
#include <doctest/doctest.h>

#include "reducer_fixture.hpp"

using namespace kiosk;
using namespace reducer_fixture;

namespace {

std::vector<fx::Track> tracks(const std::vector<Effect>& effects) {
    std::vector<fx::Track> out;
    for (const Effect& e : effects)
        if (const auto* t = std::get_if<fx::Track>(&e)) out.push_back(*t);
    return out;
}

// Reduces `a` and returns the kinds of the events it made.
std::vector<std::string> kinds(AppState& s, const Action& a, std::vector<fx::Track>* all = nullptr) {
    std::vector<std::string> out;
    for (const fx::Track& t : tracks(reduce(s, a))) {
        out.push_back(t.kind);
        if (all) all->push_back(t);
    }
    return out;
}

using Kinds = std::vector<std::string>;

}  // namespace

TEST_CASE("usage events: a session from its start to its order and its end, never personal") {
    AppState s = fresh_state();
    reduce(s, act::Tick{100.0});
    std::vector<fx::Track> all;
    CHECK(kinds(s, act::Start{}, &all) == Kinds{"session_start"});
    reduce(s, act::OpenProduct{shirt().id, "SH-M-BLEU"});
    CHECK(kinds(s, act::ProductLoaded{s.product.request, shirt()}, &all) == Kinds{"product_view"});
    CHECK(kinds(s, act::Show{Screen::Availability}, &all) == Kinds{"availability"});
    CHECK(kinds(s, act::Back{}, &all).empty());
    CHECK(kinds(s, act::AddToCart{}, &all) == Kinds{"add_to_cart"});
    CHECK(all.back().detail == "SH-M-BLEU");
    CHECK(all.back().value == 1);
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::PlaceOrder{});
    // Refused once (out of stock), then accepted.
    act::OrderUpdate refused;
    refused.request = in_flight(s);
    refused.kind = act::OrderUpdate::Kind::Rejected;
    refused.rejection = rejection("out_of_stock", "SH-M-BLEU", 0);
    CHECK(kinds(s, refused, &all) == Kinds{"order_failed"});
    CHECK(all.back().detail == "out_of_stock");
    reduce(s, act::PlaceOrder{});
    act::OrderUpdate ok;
    ok.request = in_flight(s);
    ok.kind = act::OrderUpdate::Kind::Acknowledged;
    ok.order = order_number("K-0001");
    CHECK(kinds(s, ok, &all) == Kinds{"order_placed"});
    CHECK(all.back().detail == "delivery");
    CHECK(all.back().value == 3990);
    reduce(s, act::Tick{190.0});
    CHECK(kinds(s, act::Wipe{}, &all) == Kinds{"session_end"});
    CHECK(all.back().value == 90);  // seconds from the start
    // Every event belongs to the session; none carries what the shopper typed.
    for (const fx::Track& t : all) {
        CHECK(t.session == all.front().session);
        for (const char* personal : {"Marie", "Dupont", "Lilas", "75011", "marie@"})
            CHECK_MESSAGE(t.detail.find(personal) == std::string::npos, t.kind << " carries " << personal);
    }
    // The attract loop left by the next shopper is a new session.
    const auto next = tracks(reduce(s, act::Start{}));
    REQUIRE(next.size() == 1);
    CHECK(next[0].session != all.front().session);
}

TEST_CASE("usage events: a pickup here, assisted by staff, says so; the heartbeat is scheduled") {
    AppState s = with_cart();
    s.staff.unlocked = true;
    s.staff.name = "Camille";
    s.staff.token = "staff-token";
    quoted_checkout(s);
    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::SetField{"email", "marie@exemple.fr"});
    reduce(s, act::SetPayment{Payment::PayAtTill});
    reduce(s, act::PlaceOrder{});
    act::OrderUpdate ok;
    ok.request = in_flight(s);
    ok.kind = act::OrderUpdate::Kind::Acknowledged;
    ok.order = order_number("K-0002");
    const auto placed = tracks(reduce(s, ok));
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].kind == "order_placed");
    CHECK(placed[0].detail == "pickup_here,staff");
    // Heartbeats: a few seconds after the first tick, then every interval, with the last sync error.
    AppState h = fresh_state();
    h.settings.heartbeat_interval_s = 30;
    CHECK_FALSE(find_fx<fx::SendHeartbeat>(reduce(h, act::Tick{10.0})));
    reduce(h, act::SyncDone{false, "the API answered 503"});
    const auto first = reduce(h, act::Tick{15.0});
    REQUIRE(find_fx<fx::SendHeartbeat>(first));
    CHECK(find_fx<fx::SendHeartbeat>(first)->last_error == "sync: the API answered 503");
    CHECK_FALSE(find_fx<fx::SendHeartbeat>(reduce(h, act::Tick{44.0})));
    reduce(h, act::SyncDone{true, "3 upserts"});
    const auto second = reduce(h, act::Tick{45.0});
    REQUIRE(find_fx<fx::SendHeartbeat>(second));
    CHECK(find_fx<fx::SendHeartbeat>(second)->last_error.empty());
    CHECK(next_due(h, 45.0) <= 30.0);
}
