// Exactly-once ordering through the outbox, against the reference server: an answer lost after
// the server committed, rejections, an API that is down and comes back, and no personal data
// left on the kiosk's disk once orders have ended. Each case counts the orders on the server.
// (Processes killed at each point of an order: tests/kiosk/test_crash_matrix.cpp.)
#include "disk_scan.hpp"
#include "harness.hpp"
#include "catalog_client/image_cache.hpp"
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/usage_log.hpp"
#include "tcp_proxy.hpp"

#include <doctest/doctest.h>

using namespace catalog_client;

namespace {

std::int64_t server_orders(testing::Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM orders");
    st.step();
    return st.integer(0);
}

std::int64_t stock_of(testing::Harness& h, const std::string& sku, const std::string& location) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT quantity FROM stock WHERE sku = ? AND location_id = ?");
    st.bind(1, sku).bind(2, location);
    return st.step() ? st.integer(0) : 0;
}

// The harness's order body (the contract's JSON), typed as the kiosk builds it.
OrderRequest typed(const json& body) {
    auto r = parse_order_request(body);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    return r.value();
}

TransportOptions options(testing::Harness& h) {
    TransportOptions o;
    o.bearer_token = h.token;
    o.backoff_base = std::chrono::milliseconds(5);
    return o;
}

}  // namespace

TEST_CASE("an order is recorded before it is sent and acknowledged once; sending it again does nothing") {
    testing::Harness h;
    testing::TempDir dir;
    Transport t(options(h));
    CommerceApi api(t, h.url());
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    auto entry = outbox.enqueue(typed(testing::order_body(h, sku, 1, "paris-rivoli")));
    REQUIRE(entry.ok());
    CHECK(entry.value().state == OutboxState::Pending);
    CHECK(entry.value().idempotency_key.size() == 36);
    CHECK(outbox.depth() == 1);
    CHECK(server_orders(h) == 0);  // recorded, not sent
    const OrderOutcome sent = outbox.send(entry.value().id, api);
    CHECK(sent.state == OutboxState::Acknowledged);
    REQUIRE(sent.order);
    CHECK(sent.outbox_id == entry.value().id);
    CHECK(sent.order->number.rfind("K-", 0) == 0);
    CHECK(sent.order->fulfilment.store_id == "paris-rivoli");
    CHECK_FALSE(sent.order->till_code.empty());
    CHECK(outbox.depth() == 0);
    CHECK(server_orders(h) == 1);
    // Sending an ended entry again does nothing; reopening the outbox reads the same order.
    CHECK(outbox.send(entry.value().id, api).order->number == sent.order->number);
    CHECK(server_orders(h) == 1);
    CHECK(stock_of(h, sku, "paris-rivoli") == 1);
    Outbox reopened(dir.path);
    auto again = reopened.get(entry.value().id);
    REQUIRE(again);
    REQUIRE(again->order);
    CHECK(again->order->number == sent.order->number);
    CHECK(again->order->total == sent.order->total);
    // What was ordered stays, typed; nothing personal does.
    REQUIRE(again->request.lines.size() == 1);
    CHECK(again->request.lines[0].sku == sku);
    CHECK(again->request.fulfilment == FulfilmentType::Pickup);
    CHECK(again->request.pickup_store == "paris-rivoli");
    CHECK(again->request.contact.email.empty());
    CHECK(again->request.contact.phone.empty());
}

TEST_CASE("the answer is lost after the server committed: the retry with the same key gets the same order") {
    testing::Harness h;
    testing::TempDir dir;
    testing::TcpProxy proxy(h.port());
    proxy.script("POST /v1/orders", testing::TcpProxy::Action::LoseAnswer);  // the first answer only
    Transport t(options(h));
    CommerceApi api(t, proxy.url());
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 3);
    auto entry = outbox.enqueue(typed(testing::order_body(h, sku, 1, "paris-rivoli")));
    REQUIRE(entry.ok());
    const OrderOutcome sent = outbox.send(entry.value().id, api);
    CHECK(sent.state == OutboxState::Acknowledged);
    CHECK(proxy.count("POST /v1/orders") == 2);  // the first answer was lost, the transport retried
    CHECK(server_orders(h) == 1);                // exactly one order
    CHECK(stock_of(h, sku, "paris-rivoli") == 2);  // and the stock moved once
}

TEST_CASE("a rejection ends the entry with its problem; an unreachable API leaves it pending") {
    testing::Harness h;
    testing::TempDir dir;
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    Transport t(options(h));
    CommerceApi api(t, h.url());
    auto too_many = outbox.enqueue(typed(testing::order_body(h, sku, 2, "paris-rivoli")));
    const OrderOutcome rejected = outbox.send(too_many.value().id, api);
    CHECK(rejected.state == OutboxState::Rejected);
    REQUIRE(rejected.rejection);
    CHECK(rejected.rejection->reason == RejectReason::OutOfStock);
    CHECK(rejected.rejection->code == "out_of_stock");
    CHECK(rejected.rejection->http_status == 409);
    CHECK(rejected.rejection->sku == sku);
    CHECK(rejected.rejection->available == 1);
    auto ended = outbox.get(too_many.value().id);
    REQUIRE(ended);
    REQUIRE(ended->rejection);  // read back typed from the file
    CHECK(ended->rejection->reason == RejectReason::OutOfStock);
    CHECK(ended->rejection->available == 1);
    CHECK(ended->request.contact.phone.empty());
    CHECK(ended->request.contact.email.empty());
    REQUIRE(ended->request.lines.size() == 1);
    CHECK(ended->request.lines[0].sku == sku);  // what was ordered stays

    Transport down_transport(options(h));
    CommerceApi down(down_transport, "http://127.0.0.1:1");
    auto waiting = outbox.enqueue(typed(testing::order_body(h, sku, 1, "paris-rivoli")));
    const OrderOutcome failed = outbox.send(waiting.value().id, down);
    CHECK(failed.state == OutboxState::Pending);
    CHECK_FALSE(failed.error.empty());
    auto still = outbox.get(waiting.value().id);
    REQUIRE(still);
    CHECK(still->state == OutboxState::Pending);
    CHECK_FALSE(still->last_error.empty());
    const bool contact_kept = !still->request.contact.email.empty() || !still->request.contact.phone.empty();
    CHECK(contact_kept);  // kept until the order has ended
    CHECK(server_orders(h) == 0);
    // The API is back.
    auto resent = outbox.resend_pending(api);
    REQUIRE(resent.size() == 1);
    CHECK(resent[0].state == OutboxState::Acknowledged);
    CHECK(server_orders(h) == 1);
}

TEST_CASE("once its orders have ended, nothing personal is left on the kiosk's disk (WAL and SHM included)") {
    testing::Harness h;
    testing::TempDir root;  // the kiosk's data directories: replica, image cache, outbox
    Transport t(options(h));
    CommerceApi api(t, h.url());
    Replica replica(root.path + "/replica");
    REQUIRE(replica.sync(api).ok());
    ImageCache images(root.path + "/cache", api);
    {
        Replica::Reader reader(replica);
        auto p = reader.product("P0000001");
        REQUIRE(p);
        REQUIRE_FALSE(p->images.empty());
        REQUIRE(images.load(p->images[0].url).ok());
    }
    Outbox outbox(root.path + "/outbox");  // stays open, as in a running kiosk: -wal and -shm exist
    const testing::Shopper shopper = testing::shopper_for(h, root.path);
    CHECK(testing::personal_data_under(root.path, shopper).empty());

    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    {
        auto db = h.open_db();
        db->prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity) VALUES(?, 'wh-moissy-cramayel', 10)").bind(1, sku).run();
    }
    json delivery = testing::with_shopper(testing::order_body(h, sku, 1, ""), shopper);
    delivery["payment"]["method"] = "pay_on_phone";
    json pickup = testing::with_shopper(testing::order_body(h, sku, 1, "paris-rivoli"), shopper);
    json too_many = testing::with_shopper(testing::order_body(h, sku, 50, "paris-rivoli"), shopper);

    auto d = outbox.enqueue(typed(delivery));
    REQUIRE(d.ok());
    // While an order is pending its details are on the disk: the scan sees them.
    for (const auto& needle : shopper.strings()) {
        CAPTURE(needle);
        CHECK_FALSE(testing::files_holding(root.path + "/outbox", needle).empty());
    }
    auto p = outbox.enqueue(typed(pickup));
    auto r = outbox.enqueue(typed(too_many));
    REQUIRE(p.ok());
    REQUIRE(r.ok());
    auto d_sent = outbox.send(d.value().id, api);
    auto p_sent = outbox.send(p.value().id, api);
    auto r_sent = outbox.send(r.value().id, api);
    REQUIRE(d_sent.state == OutboxState::Acknowledged);
    REQUIRE(p_sent.state == OutboxState::Acknowledged);
    REQUIRE(r_sent.state == OutboxState::Rejected);
    CHECK(server_orders(h) == 2);
    // What the confirmation and the ticket need is still there.
    const Order& o = *d_sent.order;
    CHECK(o.number.rfind("K-", 0) == 0);
    CHECK_FALSE(o.payment_url.empty());
    CHECK(o.fulfilment.type == "delivery");
    CHECK_FALSE(to_json(o)["fulfilment"].contains("address"));
    CHECK_FALSE(o.fulfilment.eta_min.empty());
    CHECK(o.lines.size() == 1);
    CHECK_FALSE(p_sent.order->fulfilment.ready_by.empty());
    REQUIRE(r_sent.rejection);
    CHECK(r_sent.rejection->code == "out_of_stock");

    auto found = testing::personal_data_under(root.path, shopper);
    for (const auto& f : found) MESSAGE(f);
    CHECK(found.empty());
    // The same after the outbox is closed and opened again (a restart).
    Outbox reopened(root.path + "/outbox");
    CHECK(reopened.get(d.value().id)->order->number == o.number);
    CHECK(testing::personal_data_under(root.path, shopper).empty());
}

TEST_CASE("the usage log keeps searches without anything personal, bounded, until acknowledged") {
    CHECK(redact_search_text("  Chaussures   ROUGES ") == "chaussures rouges");
    CHECK(redact_search_text("appeler 06 12 34 56 78") == "appeler #");  // a phone number, however spaced
    CHECK(redact_search_text("+33 6.12.34.56.78") == "#");
    CHECK(redact_search_text("0612345678") == "#");
    CHECK(redact_search_text("tel:0612345678 ean3700000000012") == "tel:# ean#");
    CHECK(redact_search_text("\xCF" "612345678 pull") == redact_search_text("\xCF" "612345678 pull"));
    CHECK(redact_search_text("\xCF" "612345678 pull").find("612345678") == std::string::npos);  // found by fuzz.synonyms
    CHECK(redact_search_text("pneu 205 55 16") == "pneu 205 55 16");  // sizes and tyre dimensions stay
    CHECK(redact_search_text("lit 160 x 200") == "lit 160 x 200");
    CHECK(redact_search_text("carte 4970101234567890 merci") == "carte # merci");
    CHECK(redact_search_text("ref PF0000059 et 3700000000012") == "ref pf0000059 et #");
    CHECK(redact_search_text("jean.dupont@example.fr pull") == "# pull");
    CHECK(redact_search_text("205/55 R16") == "205/55 r16");
    const std::string long_text = redact_search_text(std::string(70, 'e') + " éé");
    CHECK(long_text.size() <= 64);
    CHECK(long_text == std::string(64, 'e'));
    CHECK(redact_search_text(std::string(63, 'a') + "é") == std::string(63, 'a') + "e");

    testing::TempDir dir;
    {
        UsageLog log(dir.path, 5);
        CHECK(log.record_search("zorglub", 0, 1000, "boot-1"));
        CHECK(log.record_search("ZORGLUB", 0, 1001));
        CHECK(log.record_search("pull", 120, 1002));
        CHECK(log.record_search("   ", 0, 1003));  // nothing typed: nothing kept
        CHECK(log.record_search("bottes fourrées", 0, 1004));
        const auto misses = log.searches_without_results(10);
        REQUIRE(misses.size() == 2);
        CHECK(misses[0] == std::make_pair(std::string("zorglub"), std::int64_t{2}));
        CHECK(misses[1].first == "bottes fourrees");
        CHECK(log.pending(100).size() == 4);
    }
    {
        // Kept across restarts; the oldest dropped beyond the bound; acknowledged ones deleted.
        UsageLog log(dir.path, 5);
        for (int i = 0; i < 4; ++i) CHECK(log.record_search("robe " + std::to_string(i), 10, 2000 + i));
        auto kept = log.pending(100);
        REQUIRE(kept.size() == 5);
        CHECK(kept.front().detail == "bottes fourrees");
        CHECK(kept.front().kind == "search");
        CHECK(kept.front().value == 0);
        CHECK(kept.front().at == 1004);
        CHECK(kept.front().session.empty());
        CHECK(kept.back().detail == "robe 3");
        log.acknowledge(kept[2].id);
        CHECK(log.pending(100).size() == 2);
    }
}
