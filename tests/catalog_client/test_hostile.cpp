// Every typed call against a hostile API (an in-process server on a free loopback port): 300 000
// levels of nesting, a 100 MB answer (plain, and gzip-compressed to 100 KB), an answer just over
// the call's cap, invalid UTF-8, wrong types and 100 000-character names, and hostile problem
// documents (30 000 levels, 100 MB, over 64 KiB, thousands of field errors, wrong types). Each call
// ends in a typed error, nothing crashes, and no call reads more than its cap: the server counts
// what it could send before the client hung up.
#include "catalog_client/api.hpp"
#include "harness.hpp"
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"

#include <httplib.h>

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

using namespace catalog_client;

namespace {

enum class Mode {
    Valid,
    Deep,
    Huge,
    Bomb,
    Oversized,
    BadUtf8,
    WrongTypes,
    LongNames,
    DeepProblem,
    HugeProblem,
    BigProblem
};

const char* name_of(Mode m) {
    switch (m) {
        case Mode::Valid:
            return "valid";
        case Mode::Deep:
            return "300 000 levels";
        case Mode::Huge:
            return "100 MB";
        case Mode::Bomb:
            return "100 MB compressed to 100 KB";
        case Mode::Oversized:
            return "just over the call's cap";
        case Mode::BadUtf8:
            return "invalid UTF-8";
        case Mode::WrongTypes:
            return "wrong types";
        case Mode::LongNames:
            return "100 000-character names";
        case Mode::DeepProblem:
            return "problem of 30 000 levels (60 KB: under the problem cap)";
        case Mode::HugeProblem:
            return "problem of 100 MB";
        case Mode::BigProblem:
            return "problem over 64 KiB";
    }
    return "?";
}

std::string nested(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']');
}

const std::string kOrder =
    R"({"number":@,"status":"awaiting_payment","lines":[],"totals":{"total":{"amount":1,"currency":"EUR"}},)"
    R"("fulfilment":{"type":"pickup","store_id":"s1"},"payment":{"method":"pay_at_till","till_code":"123"}})";

// One call of the API: the route it asks, a valid answer with @ where a bounded string goes (none
// for calls whose answer has no body to read), and how to run it.
struct Call {
    std::string name, route;  // route: "GET /v1/stores"
    std::string shape;
    std::size_t ResponseCaps::*cap;
    std::function<Result<Unit>(CommerceApi&)> run;
};

template <class T>
Result<Unit> unit(Result<T> r) {
    if (r.ok()) return Unit{};
    return r.error();
}

std::vector<Call> calls() {
    using RC = ResponseCaps;
    return {
        {"me", "GET /v1/kiosks/me", R"({"kiosk_id":@,"store_id":"s1"})", &RC::small,
         [](CommerceApi& a) { return unit(wait<KioskIdentity>([&](auto d) { a.me(d); })); }},
        {"stores", "GET /v1/stores",
         R"([{"id":"s1","kind":"store","name":@,"location":{"lat":48.8,"lon":2.3}}])",
         &RC::reference,
         [](CommerceApi& a) {
             return unit(wait<std::vector<Store>>([&](auto d) { a.stores(d); }));
         }},
        {"categories", "GET /v1/catalog/categories", R"([{"id":"c1","name":{"fr":@}}])",
         &RC::reference,
         [](CommerceApi& a) {
             return unit(wait<std::vector<Category>>([&](auto d) { a.categories(d); }));
         }},
        {"changes", "GET /v1/catalog/changes", R"({"changes":[],"next_cursor":@,"has_more":false})",
         &RC::sync_page,
         [](CommerceApi& a) {
             return unit(wait<ChangePage>([&](auto d) { a.changes("", 1000, d); }));
         }},
        {"product", "GET /v1/catalog/products/P1",
         R"({"id":"P1","name":{"fr":@},"variants":[{"sku":"S1","price":{"store":{"amount":100,"currency":"EUR"},"online":{"amount":100,"currency":"EUR"}}}]})",
         &RC::product,
         [](CommerceApi& a) { return unit(wait<Product>([&](auto d) { a.product("P1", d); })); }},
        {"availability", "GET /v1/availability",
         R"({"as_of":"2024-01-01T00:00:00Z","items":[{"sku":@,"locations":[]}]})",
         &RC::availability,
         [](CommerceApi& a) {
             return unit(wait<Availability>([&](auto d) { a.availability({"S1"}, "s1", d); }));
         }},
        {"quote", "POST /v1/quotes",
         R"({"lines":[{"sku":@,"quantity":1,"unit_price":{"amount":1,"currency":"EUR"}}],"options":[],"totals":{"items":{"amount":1,"currency":"EUR"}}})",
         &RC::quote,
         [](CommerceApi& a) {
             return unit(wait<Quote>([&](auto d) { a.quote({{"S1", 1}}, d); }));
         }},
        {"place_order", "POST /v1/orders", kOrder, &RC::order,
         [](CommerceApi& a) {
             return unit(wait<Order>([&](auto d) {
                 a.place_order("key-1", OrderRequest{}, "", d);
             }));
         }},
        {"order", "GET /v1/orders/K-1", kOrder, &RC::order,
         [](CommerceApi& a) { return unit(wait<Order>([&](auto d) { a.order("K-1", d); })); }},
        {"orders_by_card", "GET /v1/orders", R"({"orders":[)" + kOrder + "]}", &RC::order_list,
         [](CommerceApi& a) {
             return unit(
                 wait<std::vector<Order>>([&](auto d) { a.orders_by_card("123", "staff", d); }));
         }},
        {"staff_session", "POST /v1/staff/sessions",
         R"({"token":@,"staff":{"id":"st1","name":"x"},"expires_at":"2024-01-01T00:00:00Z"})",
         &RC::small,
         [](CommerceApi& a) {
             return unit(wait<StaffSession>([&](auto d) { a.open_staff_session("1234", "", d); }));
         }},
        {"customer", "GET /v1/customers/by-card/123",
         R"({"customer":{"card":@,"name":"x"},"purchases":[]})", &RC::customer,
         [](CommerceApi& a) {
             return unit(wait<CustomerHistory>([&](auto d) { a.customer("123", "staff", d); }));
         }},
        {"health", "GET /v1/health", "", &RC::health,
         [](CommerceApi& a) { return wait<Unit>([&](auto d) { a.health(d); }); }},
        {"heartbeat", "POST /v1/kiosks/heartbeat", "", &RC::small,
         [](CommerceApi& a) {
             return wait<Unit>([&](auto d) { a.heartbeat(json{{"version", "1"}}, d); });
         }},
    };
}

// A server answering every route as `mode` says; counts the bytes it sent of 100 MB answers.
class HostileApi {
  public:
    HostileApi() {
        for (const auto& c : calls()) shapes_[c.route] = c.shape;
        auto handler = [this](const httplib::Request& req, httplib::Response& res) {
            answer(req, res);
        };
        http_.Get(".*", handler);
        http_.Post(".*", handler);
        port_ = http_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { http_.listen_after_bind(); });
    }
    ~HostileApi() {
        http_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void set(Mode mode, std::size_t oversize = 0) {
        std::lock_guard lock(mutex_);
        mode_ = mode;
        oversize_ = oversize;
        most_sent_ = 0;
    }
    // Waits (at most 60 s) until no 100 MB answer is being sent; returns the most any one sent.
    std::size_t most_sent() {
        std::unique_lock lock(mutex_);
        REQUIRE(idle_.wait_for(lock, std::chrono::seconds(60), [&] { return streaming_ == 0; }));
        return most_sent_;
    }

  private:
    void answer(const httplib::Request& req, httplib::Response& res) {
        Mode mode;
        std::size_t oversize;
        {
            std::lock_guard lock(mutex_);
            mode = mode_;
            oversize = oversize_;
        }
        const std::string shape = shapes_[req.method + " " + req.path];
        auto with = [&](const std::string& value) {
            std::string body = shape.empty() ? std::string("{}") : shape;
            for (auto at = body.find('@'); at != std::string::npos;
                 at = body.find('@', at + value.size()))
                body.replace(at, 1, value);
            return body;
        };
        switch (mode) {
            case Mode::Valid:
                res.set_content(with("\"ok\""), "application/json");
                return;
            case Mode::Deep:
                res.set_content(nested(300000), "application/json");
                return;
            case Mode::Huge:
                stream_100mb(res, 200, "application/octet-stream");
                return;  // not compressed
            case Mode::Bomb:
                stream_100mb(res, 200, "application/json");
                return;  // gzip: 1 000 to 1
            case Mode::Oversized: {
                std::string body = with("\"ok\"");
                body.resize(oversize, ' ');  // valid JSON and then spaces: only its size is wrong
                res.set_content(body, "application/json");
                return;
            }
            case Mode::BadUtf8:
                res.set_content(with("\"caf\xC3\x28\xFF\xFE\""), "application/json");
                return;
            case Mode::WrongTypes:
                res.set_content(with("42"), "application/json");
                return;
            case Mode::LongNames:
                res.set_content(with("\"" + std::string(100000, 'n') + "\""), "application/json");
                return;
            case Mode::DeepProblem:
                res.status = 409;
                res.set_content(R"({"code":"out_of_stock","x":)" + nested(30000) + "}",
                                "application/problem+json");
                return;
            case Mode::HugeProblem:
                stream_100mb(res, 503, "application/problem+json");
                return;
            case Mode::BigProblem: {
                std::string errors;
                for (int i = 0; i < 4000; ++i)
                    errors +=
                        std::string(i ? "," : "") + R"({"field":"lines[0].sku","code":"invalid"})";
                res.status = 422;
                res.set_content(R"({"code":"validation_failed","errors":[)" + errors + "]}",
                                "application/problem+json");
                return;
            }
        }
    }
    // 100 MB of spaces after a bracket, in 1 MiB chunks; the server compresses it when the
    // content type is one it compresses (JSON) and the client accepts it (the transport does).
    void stream_100mb(httplib::Response& res, int status, const char* content_type) {
        res.status = status;
        {
            std::lock_guard lock(mutex_);
            ++streaming_;
        }
        res.set_chunked_content_provider(
            content_type,
            [this](std::size_t offset, httplib::DataSink& sink) {
                if (offset >= 100u * 1024 * 1024) {
                    sink.done();
                    return true;
                }
                std::string chunk(1024 * 1024, ' ');
                if (offset == 0) chunk[0] = '[';
                if (!sink.write(chunk.data(), chunk.size())) return false;
                std::lock_guard lock(mutex_);
                most_sent_ = std::max(most_sent_, offset + chunk.size());
                return true;
            },
            [this](bool) {
                std::lock_guard lock(mutex_);
                --streaming_;
                idle_.notify_all();
            });
    }

    httplib::Server http_;
    std::thread thread_;
    int port_ = 0;
    std::map<std::string, std::string> shapes_;
    std::mutex mutex_;
    std::condition_variable idle_;
    Mode mode_ = Mode::Valid;
    std::size_t oversize_ = 0, most_sent_ = 0;
    int streaming_ = 0;
};

// The most a socket pair can hold between a writer and a reader that stopped reading: the
// kernel's largest TCP receive and send buffers, plus the server's chunk (1 MiB) and 1 MiB more.
std::size_t socket_slack() {
    auto largest = [](const char* path) {
        std::ifstream in(path);
        std::size_t low = 0, initial = 0, high = 0;
        in >> low >> initial >> high;
        return in ? high : std::size_t(32u << 20);
    };
    return largest("/proc/sys/net/ipv4/tcp_rmem") + largest("/proc/sys/net/ipv4/tcp_wmem") +
           (2u << 20);
}

TransportOptions fast() {
    TransportOptions o;
    o.bearer_token = "t";
    o.backoff_base = std::chrono::milliseconds(5);
    o.backoff_max = std::chrono::milliseconds(20);
    return o;
}

}  // namespace

TEST_CASE(
    "every typed call turns a hostile answer into a typed error, reading no more than its cap") {
    HostileApi server;
    Transport t(fast());
    CommerceApi api(t, server.url());
    const ResponseCaps caps = api.response_caps();
    for (const Call& call : calls()) {
        const std::size_t cap = caps.*call.cap;
        for (Mode mode : {Mode::Valid, Mode::Deep, Mode::Huge, Mode::Bomb, Mode::Oversized,
                          Mode::BadUtf8, Mode::WrongTypes, Mode::LongNames, Mode::DeepProblem,
                          Mode::HugeProblem, Mode::BigProblem}) {
            const bool body_read = !call.shape.empty();
            if (!body_read && (mode == Mode::BadUtf8 || mode == Mode::WrongTypes ||
                               mode == Mode::LongNames || mode == Mode::Deep))
                continue;
            std::string what = call.name + ": " + name_of(mode);
            CAPTURE(what);
            server.set(mode, cap + 4096);
            Result<Unit> r = call.run(api);
            switch (mode) {
                case Mode::Valid:
                    CHECK(r.ok());
                    break;
                case Mode::Deep:
                case Mode::BadUtf8:
                case Mode::WrongTypes:
                case Mode::LongNames: {
                    // Refused by the parser, or before it when the text is over the call's cap
                    // (600 KB of brackets, a 100 000-character name, against a 64 KiB cap).
                    const std::size_t size = mode == Mode::Deep        ? 600000
                                             : mode == Mode::LongNames ? call.shape.size() + 100000
                                                                       : 0;
                    REQUIRE_FALSE(r.ok());
                    CHECK(r.error().kind == (size > cap ? ErrorKind::TooLarge : ErrorKind::Parse));
                    break;
                }
                case Mode::Huge:
                case Mode::Bomb:
                case Mode::Oversized:
                    REQUIRE_FALSE(r.ok());
                    CHECK(r.error().kind == ErrorKind::TooLarge);
                    break;
                case Mode::DeepProblem:
                case Mode::HugeProblem:
                case Mode::BigProblem:
                    REQUIRE_FALSE(r.ok());
                    CHECK(r.error().kind == ErrorKind::Http);
                    CHECK(r.error().http_status == (mode == Mode::DeepProblem   ? 409
                                                    : mode == Mode::HugeProblem ? 503
                                                                                : 422));
                    CHECK(r.error().code.empty());  // the document was not read
                    CHECK(r.error().message.size() < 400);
                    break;
            }
            if (mode == Mode::Huge || mode == Mode::HugeProblem || mode == Mode::Bomb) {
                // Uncompressed, the client hung up at its cap: the server could write no more than
                // that and what the sockets between them buffer. Compressed, the cap counts the
                // bytes inflated, and the client stopped far from 100 MB too.
                const std::size_t limit = mode == Mode::Huge ? cap : caps.problem;
                std::size_t sent = server.most_sent();
                CAPTURE(sent);
                if (mode != Mode::Bomb) CHECK(sent <= limit + socket_slack());
                CHECK(sent < 100u * 1024 * 1024);
            }
        }
    }
}

TEST_CASE(
    "an answer's cap is the call's: the same size is fine for a page and too large for a product") {
    HostileApi server;
    Transport t(fast());
    CommerceApi api(t, server.url());
    server.set(Mode::Oversized, 3u << 20);
    CHECK(wait<ChangePage>([&](auto d) { api.changes("", 1000, d); }).ok());
    auto product = wait<Product>([&](auto d) { api.product("P1", d); });
    REQUIRE_FALSE(product.ok());
    CHECK(product.error().kind == ErrorKind::TooLarge);
    // The caps can be set, and a ceiling lowers them all.
    ResponseCaps caps;
    caps.product = 4u << 20;
    api.set_response_caps(caps);
    CHECK(wait<Product>([&](auto d) { api.product("P1", d); }).ok());
    api.set_max_response_bytes(1u << 20);
    CHECK(wait<ChangePage>([&](auto d) { api.changes("", 1000, d); }).error().kind ==
          ErrorKind::TooLarge);
}

TEST_CASE(
    "a problem document keeps only bounded fields: 20 field errors, a detail cut to 300 "
    "characters") {
    httplib::Server http;
    http.Post("/v1/orders", [](const httplib::Request&, httplib::Response& res) {
        std::string errors;
        for (int i = 0; i < 1000; ++i)
            errors += std::string(i ? "," : "") + R"({"field":"f)" + std::to_string(i) +
                      R"(","code":"invalid","x":[1,2]})";
        res.status = 422;
        res.set_content(
            R"({"type":"t","title":"x","status":422,"code":"validation_failed","detail":")" +
                std::string(5000, 'd') +
                R"(\u0001\n","sku":7,"price":{"amount":"no"},"customer":{"name":"Someone"},"errors":[)" +
                errors + "]}",
            "application/problem+json");
    });
    int port = http.bind_to_any_port("127.0.0.1");
    std::thread thread([&] { http.listen_after_bind(); });
    {
        Transport t(fast());
        CommerceApi api(t, "http://127.0.0.1:" + std::to_string(port));
        auto r = wait<Order>([&](auto d) { api.place_order("k", OrderRequest{}, "", d); });
        REQUIRE_FALSE(r.ok());
        const Error& e = r.error();
        CHECK(e.http_status == 422);
        CHECK(e.code == "validation_failed");
        REQUIRE(e.problem.errors.size() == 20);
        CHECK(e.problem.errors[19].field == "f19");
        CHECK(e.problem.errors[0].code == "invalid");
        CHECK(e.problem.detail.size() == 300);
        CHECK(e.message.find('\n') == std::string::npos);
        CHECK(e.problem.sku.empty());              // not a string: left out
        CHECK_FALSE(e.problem.price_amount);       // no integer amount: left out
        CHECK(e.problem.price_currency.empty());
        CHECK_FALSE(e.problem.available);
    }
    http.stop();
    thread.join();
}

TEST_CASE(
    "hostile answers to an order leave it pending in the outbox; hostile reference data fails a "
    "sync cleanly") {
    HostileApi server;
    Transport t(fast());
    CommerceApi api(t, server.url());
    testing::TempDir dir;
    Outbox outbox(dir.path + "/outbox");
    OrderRequest order;
    order.lines = {{"S1", 1, {100, "EUR"}}};
    order.pickup_store = "s1";
    order.contact.email = "a@example.org";
    auto entry = outbox.enqueue(order);
    REQUIRE(entry.ok());
    for (Mode mode : {Mode::Deep, Mode::Huge, Mode::BadUtf8, Mode::WrongTypes, Mode::HugeProblem}) {
        CAPTURE(name_of(mode));
        server.set(mode, 0);
        const OrderOutcome sent = outbox.send(entry.value().id, api);
        CHECK(sent.state == OutboxState::Pending);
        CHECK_FALSE(sent.error.empty());
        auto still = outbox.get(entry.value().id);
        REQUIRE(still);
        CHECK(still->state == OutboxState::Pending);  // asked again later with the same key
        CHECK(still->request.contact.email == "a@example.org");
        if (mode == Mode::HugeProblem) server.most_sent();
    }
    server.set(Mode::Valid, 0);
    const OrderOutcome sent = outbox.send(entry.value().id, api);
    CHECK(sent.state == OutboxState::Acknowledged);

    Replica replica(dir.path + "/replica");
    for (Mode mode : {Mode::Deep, Mode::LongNames, Mode::Huge}) {
        CAPTURE(name_of(mode));
        server.set(mode, 0);
        auto r = replica.sync(api);
        REQUIRE_FALSE(r.ok());
        CHECK((r.error().kind == ErrorKind::Parse || r.error().kind == ErrorKind::TooLarge));
        CHECK_FALSE(replica.status().exists);
        if (mode == Mode::Huge) server.most_sent();
    }
}
