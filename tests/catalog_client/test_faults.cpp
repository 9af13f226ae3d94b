// The whole client (sync into the replica) against an API that misbehaves: a 10 s stall, a
// connection cut mid-body, a 100 MB answer, 500/503, invalid UTF-8 and hostile items. Each ends
// in a typed error or skipped items, never a crash, and the replica in use stays intact.
#include "harness.hpp"
#include "catalog_client/replica.hpp"

#include <httplib.h>

#include <doctest/doctest.h>

#include <condition_variable>
#include <thread>

using namespace catalog_client;

namespace {

const char* kProduct = R"({"id":"P1","name":{"fr":"Pull"},"variants":[{"sku":"S1","price":{"store":{"amount":100,"currency":"EUR"},"online":{"amount":100,"currency":"EUR"}}}]})";

// An API whose change feed misbehaves as `mode` says; stores and categories are empty lists.
struct BadApi {
    httplib::Server http;
    std::string mode;
    std::mutex m;
    std::condition_variable cv;
    bool released = false;
    std::thread thread;
    int port = 0;
    explicit BadApi(std::string how) : mode(std::move(how)) {
        http.Get("/v1/stores", [](const httplib::Request&, httplib::Response& res) { res.set_content("[]", "application/json"); });
        http.Get("/v1/catalog/categories", [](const httplib::Request&, httplib::Response& res) { res.set_content("[]", "application/json"); });
        http.Get("/v1/catalog/changes", [this](const httplib::Request&, httplib::Response& res) { changes(res); });
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
    }
    ~BadApi() {
        {
            std::lock_guard lock(m);
            released = true;
        }
        cv.notify_all();
        http.stop();
        thread.join();
    }
    void changes(httplib::Response& res) {
        if (mode == "stall") {  // a server that holds the request until the test ends
            std::unique_lock lock(m);
            cv.wait_for(lock, std::chrono::seconds(120), [&] { return released; });
            res.set_content("{}", "application/json");
        } else if (mode == "cut") {  // a body announced in chunks that stops half-way
            res.set_chunked_content_provider("application/json", [](std::size_t offset, httplib::DataSink& sink) {
                if (offset > 0) return false;  // the connection is dropped here
                std::string half = R"({"changes":[{"op":"upsert","product":)";
                return sink.write(half.data(), half.size());
            });
        } else if (mode == "huge") {  // 100 MB of JSON
            res.set_chunked_content_provider("application/json", [](std::size_t offset, httplib::DataSink& sink) {
                if (offset >= 100u * 1024 * 1024) {
                    sink.done();
                    return true;
                }
                std::string chunk(1024 * 1024, ' ');
                if (offset == 0) chunk[0] = '[';
                return sink.write(chunk.data(), chunk.size());
            });
        } else if (mode == "500" || mode == "503") {
            res.status = std::stoi(mode);
            res.set_content(R"({"code":"internal","detail":"down"})", "application/problem+json");
        } else if (mode == "utf8") {
            res.set_content(std::string("{\"changes\":[],\"next_cursor\":\"c\xff\xfe\",\"has_more\":false}"), "application/json");
        } else if (mode == "truncated") {
            res.set_content(R"({"changes":[{"op":"upsert","product":{"id":"P1")", "application/json");
        } else if (mode == "wrong_types") {
            res.set_content(R"({"changes":"all of them","next_cursor":7,"has_more":"no"})", "application/json");
        } else if (mode == "hostile") {
            std::string long_name(100000, 'x');
            std::string body = std::string(R"({"changes":[{"op":"upsert","product":)") + kProduct +
                               R"(},{"op":"upsert","product":{"id":"P2","name":{"fr":")" + long_name +
                               R"("},"variants":[]}},{"op":"upsert","product":{"id":"P3","name":{"fr":"Ctrl\u0001\u001b[31m"},"variants":[{"sku":"S3","price":{"store":{"amount":1,"currency":"EUR"},"online":{"amount":1,"currency":"EUR"}}}]}},{"op":"delete"}],"next_cursor":"c1","has_more":false})";
            res.set_content(body, "application/json");
        }
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

Result<SyncReport> sync_against(BadApi& bad, Replica& replica, std::chrono::milliseconds timeout) {
    TransportOptions o;
    o.backoff_base = std::chrono::milliseconds(5);
    o.backoff_max = std::chrono::milliseconds(20);
    Transport t(o);
    CommerceApi api(t, bad.url());
    api.set_sync_timeout(timeout);
    api.set_max_response_bytes(8u * 1024 * 1024);  // the 100 MB answer stops at 8 MB
    return replica.sync(api);
}

}  // namespace

TEST_CASE("every fault of the API is a typed error, and no replica is left half-made") {
    struct Case {
        const char* mode;
        ErrorKind kind;
    };
    for (Case c : {Case{"stall", ErrorKind::Timeout}, Case{"cut", ErrorKind::Network}, Case{"huge", ErrorKind::TooLarge},
                   Case{"500", ErrorKind::Http}, Case{"503", ErrorKind::Http}, Case{"utf8", ErrorKind::Parse},
                   Case{"truncated", ErrorKind::Parse}, Case{"wrong_types", ErrorKind::Parse}}) {
        std::string mode = c.mode;
        CAPTURE(mode);
        BadApi bad(mode);
        testing::TempDir dir;
        Replica replica(dir.path);
        // The stall is the one case about time: the server never answers, so a 1 s limit ends it
        // however slow the machine. The others get a minute, which only a hung client reaches.
        auto r = sync_against(bad, replica, std::chrono::milliseconds(mode == "stall" ? 1000 : 60000));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == c.kind);
        CHECK_FALSE(replica.status().exists);
    }
}

TEST_CASE("hostile items are skipped and reported; the rest is applied safely") {
    BadApi bad("hostile");
    testing::TempDir dir;
    Replica replica(dir.path);
    auto r = sync_against(bad, replica, std::chrono::seconds(10));
    REQUIRE(r.ok());
    CHECK(r.value().upserts == 2);
    CHECK(r.value().skipped == 2);  // the 100 000-character name and the delete without id
    Replica::Reader reader(replica);
    auto p3 = reader.product("P3");
    REQUIRE(p3);
    CHECK(p3->name.text("fr") == "Ctrl[31m");  // control characters removed
    CHECK_FALSE(reader.product("P2"));
}
