// The transport against a loopback server that misbehaves on purpose: retries with backoff,
// timeouts, oversized answers, cancellation, problem documents, the bearer token.
#include "catalog_client/api.hpp"
#include "catalog_client/http.hpp"

#include <httplib.h>

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <future>
#include <thread>

using namespace catalog_client;

namespace {

// A loopback HTTP server on a free port; handlers are added before start().
class FaultServer {
public:
    httplib::Server http;
    int port = 0;
    void start() {
        port = http.bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        // The socket already listens after bind: clients queue until the accept loop runs.
        thread_ = std::thread([this] { http.listen_after_bind(); });
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
    // Handlers that stall wait on this gate; the test opens it before stopping the server.
    void open_gate() {
        std::lock_guard lock(mutex_);
        open_ = true;
        gate_.notify_all();
    }
    void wait_gate() {
        std::unique_lock lock(mutex_);
        gate_.wait_for(lock, std::chrono::seconds(30), [&] { return open_; });
    }
    ~FaultServer() {
        open_gate();
        http.stop();
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable gate_;
    bool open_ = false;
};

TransportOptions fast_options() {
    TransportOptions o;
    o.bearer_token = "secret-token";
    o.backoff_base = std::chrono::milliseconds(5);
    o.backoff_max = std::chrono::milliseconds(20);
    return o;
}

}  // namespace

TEST_CASE("a GET returns the body, headers and the bearer token reaches the server") {
    FaultServer s;
    std::string seen_auth;
    s.http.Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
        seen_auth = req.get_header_value("Authorization");
        res.set_header("ETag", "\"v1\"");
        res.set_content(std::string(20000, 'a'), "application/json");
    });
    s.start();
    Transport t(fast_options());
    HttpRequest r;
    r.url = s.url("/hello");
    auto result = t.perform(r);
    REQUIRE(result.ok());
    CHECK(result.value().status == 200);
    CHECK(result.value().body.size() == 20000);
    CHECK(result.value().header("etag") == "\"v1\"");
    CHECK(seen_auth == "Bearer secret-token");
    r.with_token = false;
    REQUIRE(t.perform(r).ok());
    CHECK(seen_auth.empty());
}

TEST_CASE("idempotent requests are retried on 503 with backoff; the staff PIN is not") {
    FaultServer s;
    std::atomic<int> calls{0}, pins{0}, identities{0};
    s.http.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
        if (++calls < 3) {
            res.status = 503;
            res.set_content(R"({"code":"internal","detail":"busy"})", "application/problem+json");
        } else {
            res.set_content("{}", "application/json");
        }
    });
    // The API's staff PIN (a POST without Idempotency-Key) and identity (a GET), both down.
    s.http.Post("/v1/staff/sessions", [&](const httplib::Request&, httplib::Response& res) {
        ++pins;
        res.status = 503;
        res.set_content(R"({"code":"internal","detail":"down"})", "application/problem+json");
    });
    s.http.Get("/v1/kiosks/me", [&](const httplib::Request&, httplib::Response& res) {
        ++identities;
        res.status = 503;
        res.set_content(R"({"code":"internal","detail":"down"})", "application/problem+json");
    });
    s.start();
    Transport t(fast_options());
    HttpRequest r;
    r.url = s.url("/flaky");
    auto ok = t.perform(r);
    REQUIRE(ok.ok());
    CHECK(ok.value().attempts == 3);
    CHECK(calls == 3);

    CommerceApi api(t, s.url(""));
    auto pin = wait<StaffSession>([&](auto done) { api.open_staff_session("1234", "", done); });
    REQUIRE_FALSE(pin.ok());
    CHECK(pin.error().kind == ErrorKind::Http);
    CHECK(pin.error().http_status == 503);
    CHECK(pins == 1);  // a PIN attempt is sent once: a retry could count as another wrong PIN
    auto me = wait<KioskIdentity>([&](auto done) { api.me(done); });
    REQUIRE_FALSE(me.ok());
    CHECK(me.error().http_status == 503);
    CHECK(identities == HttpRequest{}.max_attempts);  // a GET is retried up to its attempts
}

TEST_CASE("a problem document becomes a typed error with its code") {
    FaultServer s;
    s.http.Post("/orders", [](const httplib::Request&, httplib::Response& res) {
        res.status = 409;
        res.set_content(R"({"type":"/problems/out_of_stock","title":"x","status":409,"detail":"not enough","code":"out_of_stock","sku":"A","available":1})",
                        "application/problem+json");
    });
    s.start();
    Transport t(fast_options());
    HttpRequest r;
    r.method = "POST";
    r.url = s.url("/orders");
    r.body = "{}";
    auto result = t.perform(r);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "out_of_stock");
    CHECK(result.error().problem.available == 1);
    CHECK(result.error().problem.sku == "A");
    CHECK(result.error().problem.detail == "not enough");
    CHECK(describe(result.error()).find("out_of_stock") != std::string::npos);
}

TEST_CASE("a server that is down is a network error after the retries") {
    // A port that was free a moment ago and on which nothing listens.
    int port = 0;
    {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        socklen_t len = sizeof addr;
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        close(fd);
    }
    Transport t(fast_options());
    HttpRequest r;
    r.url = "http://127.0.0.1:" + std::to_string(port) + "/v1/health";
    r.max_attempts = 2;
    auto result = t.perform(r);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::Network);
}

TEST_CASE("a stalled server is a timeout; a request can be cancelled") {
    FaultServer s;
    s.http.Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
        s.wait_gate();
        res.set_content("late", "text/plain");
    });
    s.start();
    Transport t(fast_options());
    HttpRequest r;
    r.url = s.url("/stall");
    r.total_timeout = std::chrono::milliseconds(300);
    r.max_attempts = 1;
    auto result = t.perform(r);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::Timeout);

    std::promise<Result<HttpResponse>> done;
    auto future = done.get_future();
    HttpRequest slow;
    slow.url = s.url("/stall");
    RequestId id = t.submit(slow, [&](Result<HttpResponse> res) { done.set_value(std::move(res)); });
    t.cancel(id);
    auto cancelled = future.get();
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
}

TEST_CASE("an answer over the size limit is an error, not an allocation") {
    FaultServer s;
    s.http.Get("/huge", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(3 * 1024 * 1024, 'x'), "application/json");
    });
    s.http.Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [](std::size_t offset, httplib::DataSink& sink) {
            if (offset >= 3u * 1024 * 1024) {
                sink.done();
                return true;
            }
            std::string chunk(64 * 1024, 'y');
            return sink.write(chunk.data(), chunk.size());
        });
    });
    s.start();
    Transport t(fast_options());
    for (const char* path : {"/huge", "/chunked"}) {
        HttpRequest r;
        r.url = s.url(path);
        r.max_response_bytes = 1024 * 1024;
        auto result = t.perform(r);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::TooLarge);
    }
}

TEST_CASE("many requests at once all complete, and destroying the transport cancels the rest") {
    FaultServer s;
    s.http.Get("/n", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content(req.get_param_value("i"), "text/plain");
    });
    s.http.Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
        s.wait_gate();
        res.set_content("late", "text/plain");
    });
    s.start();
    std::atomic<int> ok{0}, cancelled{0};
    {
        Transport t(fast_options());
        std::vector<std::promise<Result<HttpResponse>>> promises(40);
        for (int i = 0; i < 40; ++i) {
            HttpRequest r;
            r.url = s.url("/n?i=" + std::to_string(i));
            auto* p = &promises[static_cast<std::size_t>(i)];
            t.submit(r, [p](Result<HttpResponse> res) { p->set_value(std::move(res)); });
        }
        for (int i = 0; i < 40; ++i) {
            auto result = promises[static_cast<std::size_t>(i)].get_future().get();
            if (result.ok() && result.value().body == std::to_string(i)) ++ok;
        }
        HttpRequest slow;
        slow.url = s.url("/stall");
        t.submit(slow, [&](Result<HttpResponse> res) {
            if (!res.ok() && res.error().kind == ErrorKind::Cancelled) ++cancelled;
        });
    }
    CHECK(ok == 40);
    CHECK(cancelled == 1);
}
