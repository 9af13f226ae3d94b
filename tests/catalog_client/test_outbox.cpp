// Exactly-once ordering through the outbox, against the reference server: a lost response
// after the server committed, a process killed between write and send, rejections, an API
// that is down and comes back. Each case counts the orders on the server.
#include "harness.hpp"
#include "outbox.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace catalog_client;

namespace {

std::int64_t server_orders(testing::Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM orders");
    st.step();
    return st.integer(0);
}

TransportOptions options(testing::Harness& h) {
    TransportOptions o;
    o.bearer_token = h.token;
    o.backoff_base = std::chrono::milliseconds(5);
    return o;
}

// Forwards POST /v1/orders to the reference server; the first answer is held back until the
// client has given up (the order is committed, the response is lost).
class LosingProxy {
public:
    explicit LosingProxy(testing::Harness& h) : target_(h) {
        http_.Post("/v1/orders", [this](const httplib::Request& req, httplib::Response& res) {
            httplib::Client cli("127.0.0.1", target_.port());
            httplib::Headers headers;
            for (const char* name : {"Authorization", "Idempotency-Key", "X-Staff-Session"})
                if (req.has_header(name)) headers.emplace(name, req.get_header_value(name));
            auto r = cli.Post("/v1/orders", headers, req.body, "application/json");
            if (++calls == 1) {
                std::unique_lock lock(mutex_);
                gate_.wait_for(lock, std::chrono::seconds(30), [&] { return open_; });
            }
            if (r) {
                res.status = r->status;
                res.set_content(r->body, r->get_header_value("Content-Type"));
            } else {
                res.status = 502;
            }
        });
        port_ = http_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { http_.listen_after_bind(); });
    }
    ~LosingProxy() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        gate_.notify_all();
        http_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::atomic<int> calls{0};

private:
    testing::Harness& target_;
    httplib::Server http_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::condition_variable gate_;
    bool open_ = false;
};

}  // namespace

TEST_CASE("an order is recorded before it is sent, acknowledged once, and its personal data erased") {
    testing::Harness h;
    testing::TempDir dir;
    Transport t(options(h));
    CommerceApi api(t, h.url());
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    auto entry = outbox.enqueue(body);
    REQUIRE(entry.ok());
    CHECK(entry.value().state == OutboxState::Pending);
    CHECK(entry.value().idempotency_key.size() == 36);
    CHECK(outbox.depth() == 1);
    auto sent = outbox.send(entry.value().id, api);
    REQUIRE(sent.ok());
    CHECK(sent.value().state == OutboxState::Acknowledged);
    REQUIRE(sent.value().order);
    CHECK(sent.value().order->number.rfind("K-", 0) == 0);
    CHECK_FALSE(sent.value().body.contains("contact"));
    CHECK(outbox.depth() == 0);
    CHECK(server_orders(h) == 1);
    // Sending an ended entry again does nothing.
    CHECK(outbox.send(entry.value().id, api).value().order->number == sent.value().order->number);
    CHECK(server_orders(h) == 1);
}

TEST_CASE("the response is lost after the server committed: the retry with the same key gets the same order") {
    testing::Harness h;
    testing::TempDir dir;
    LosingProxy proxy(h);
    Transport t(options(h));
    CommerceApi api(t, proxy.url());
    api.set_order_timeout(std::chrono::milliseconds(500));
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 3);
    auto entry = outbox.enqueue(testing::order_body(h, sku, 1, "paris-rivoli"));
    REQUIRE(entry.ok());
    auto sent = outbox.send(entry.value().id, api);
    REQUIRE(sent.ok());
    CHECK(sent.value().state == OutboxState::Acknowledged);
    CHECK(proxy.calls >= 2);          // the first answer was lost, the transport retried
    CHECK(server_orders(h) == 1);     // exactly one order
}

TEST_CASE("killed between write and send: after a restart the pending order is sent once") {
    testing::Harness h;
    testing::TempDir dir;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 3);
    std::int64_t id = 0;
    {
        Outbox before_crash(dir.path);
        auto entry = before_crash.enqueue(testing::order_body(h, sku, 1, "paris-rivoli"));
        REQUIRE(entry.ok());
        id = entry.value().id;
    }  // the process dies here: nothing was sent
    CHECK(server_orders(h) == 0);
    Transport t(options(h));
    CommerceApi api(t, h.url());
    Outbox after_restart(dir.path);
    CHECK(after_restart.depth() == 1);
    auto resent = after_restart.resend_pending(api);
    REQUIRE(resent.size() == 1);
    CHECK(resent[0].id == id);
    CHECK(resent[0].state == OutboxState::Acknowledged);
    CHECK(server_orders(h) == 1);
    // A second restart finds nothing to send.
    Outbox again(dir.path);
    CHECK(again.resend_pending(api).empty());
    CHECK(server_orders(h) == 1);
}

TEST_CASE("a rejection ends the entry with its problem; an unreachable API leaves it pending") {
    testing::Harness h;
    testing::TempDir dir;
    Outbox outbox(dir.path);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    Transport t(options(h));
    CommerceApi api(t, h.url());
    auto too_many = outbox.enqueue(testing::order_body(h, sku, 2, "paris-rivoli"));
    auto rejected = outbox.send(too_many.value().id, api);
    REQUIRE(rejected.ok());
    CHECK(rejected.value().state == OutboxState::Rejected);
    CHECK(rejected.value().problem["code"] == "out_of_stock");
    CHECK_FALSE(rejected.value().body.contains("contact"));

    Transport down_transport(options(h));
    CommerceApi down(down_transport, "http://127.0.0.1:1");
    auto waiting = outbox.enqueue(testing::order_body(h, sku, 1, "paris-rivoli"));
    auto failed = outbox.send(waiting.value().id, down);
    REQUIRE_FALSE(failed.ok());
    auto still = outbox.get(waiting.value().id);
    REQUIRE(still);
    CHECK(still->state == OutboxState::Pending);
    CHECK_FALSE(still->last_error.empty());
    CHECK(still->body.contains("contact"));  // kept until the order has ended
    CHECK(server_orders(h) == 0);
    // The API is back.
    auto resent = outbox.resend_pending(api);
    REQUIRE(resent.size() == 1);
    CHECK(resent[0].state == OutboxState::Acknowledged);
    CHECK(server_orders(h) == 1);
}
