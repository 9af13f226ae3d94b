#pragma once
// The reference server of the kiosk commerce API: cpp-httplib on a pool of worker threads,
// SQLite behind a pool of connections. Before any byte of a body is read, `Server::admit`
// checks the request's framing and size and authenticates it (401/411/413/415 problems, the
// connection then closed); bodies are read with a cap (GuardedHttpServer bounds the bytes on
// the wire). Every route runs inside `Server::handle`, which authenticates, turns ApiError/bad
// input into RFC 9457 problems and never lets an exception out.
// Thread rules: bind() and run() once, then stop() from any thread (e.g. a signal watcher).

#include "central_api/db.hpp"
#include "central_api/image_source.hpp"
#include "central_api/util.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace central_api {

class GuardedHttpServer;
class ImageLru;
class OrderLookups;

struct ServerOptions {
    std::string db_path;
    std::string host = "127.0.0.1";
    int port = 0;                         // 0: any free port
    Clock clock = system_clock();
    std::size_t threads = 16;             // HTTP worker threads (also the DB pool size)
    std::int64_t cursor_retention_s = 30 * 86400;  // tombstones kept, cursors honoured (≥ 7 days)
    std::int64_t idempotency_retention_s = 30 * 86400;
    std::int64_t staff_session_s = 4 * 3600;
    std::size_t max_body_bytes = 1024 * 1024;       // decoded body; chunked: twice that on the wire
    std::size_t max_head_bytes = 64 * 1024;         // request line and headers together
    std::size_t image_cache_bytes = 64u * 1024 * 1024;  // the LRU of served pictures
    // Draws the pictures of /v1/images (image_source.hpp); none: that route answers 404.
    std::shared_ptr<const ImageSource> image_source;
    std::string public_url;               // base of payment and hand-off links; default http://HOST:PORT
    std::string shop_url = "https://www.maison-lumiere.example";  // the retailer's web shop (hand-off pages link to it)
    std::int64_t handoff_retention_s = 7 * 86400;  // a hand-off link works this long
    double rate_per_s = 200;              // per kiosk token; 0 disables rate limiting
    double rate_burst = 1000;             // requests a kiosk may send at once
    int order_lookup_failures = 20;       // unknown order numbers a kiosk may try per window
    std::int64_t order_lookup_window_s = 600;  // (0 failures: no limit)
    // Replica snapshots to serve (`kioskctl snapshot DIR` writes them): DIR/snapshot.json and
    // the content-addressed files it names. Empty: /v1/catalog/snapshot answers 404.
    std::string snapshot_dir;
};

struct KioskCaller {
    std::string kiosk_id, store_id;
};
struct StaffIdentity {
    std::string staff_id, name, store_id, token_hash;
};

// What a route handler gets: the request and its body (already read, at most max_body_bytes),
// the response, a connection, who is calling, the time.
struct RequestContext {
    const httplib::Request& req;
    const std::string& body;  // decode it with requests.hpp
    httplib::Response& res;
    Db& db;
    std::int64_t now;
    KioskCaller kiosk;
    std::optional<StaffIdentity> staff;
    const ServerOptions& options;
    std::mutex& write_mutex;  // serialises writers inside this process (stock, orders, sessions)
    ImageLru& image_lru;  // pictures already made, by URL and width
    OrderLookups& order_lookups;

    std::string param(const char* name) const;  // query parameter or ""
    bool has_param(const char* name) const;
    std::string header(const char* name) const;
    void reply(int status, const json& doc) const;
    void reply_raw(int status, const std::string& json_text) const;
};

// Public: no token (health, payment and hand-off pages, the /ops pages, which check their own
// cookie). Kiosk: a kiosk token. Staff: a kiosk token and a staff session. Operator: an operator
// token (a kiosk token gets 403).
enum class Access { Public, Kiosk, Staff, Operator };

class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the socket; returns the port. Throws std::runtime_error when it cannot.
    int bind();
    // Serves until stop(); returns false if the listener failed.
    bool run();
    void stop();
    std::string url() const;

private:
    using Handler = std::function<void(RequestContext&)>;
    void route(const char* method, const char* pattern, Access access, Handler handler);
    // Runs after the request line and headers, before the body: false (with the problem in
    // `res` and the connection set to close) when the request is refused.
    bool admit(const httplib::Request& req, httplib::Response& res);
    void handle(const httplib::Request& req, const std::string& body, httplib::Response& res,
                Access access, const Handler& handler);

    // Token bucket per kiosk: throws 429 rate_limited when the kiosk sends too fast.
    void check_rate(const std::string& kiosk_id, std::int64_t now);

    ServerOptions options_;
    std::mutex rate_mutex_;
    struct Bucket {
        double tokens = 0;
        std::int64_t refilled_at = 0;
    };
    std::unordered_map<std::string, Bucket> buckets_;
    std::unique_ptr<GuardedHttpServer> http_;
    std::unique_ptr<DbPool> pool_;
    std::unique_ptr<ImageLru> image_lru_;
    std::unique_ptr<OrderLookups> order_lookups_;
    std::mutex write_mutex_;
    int port_ = 0;
    int listen_fd_ = -1;
};

// Route registration, one function per area (handlers_*.cpp).
using RouteFn = std::function<void(const char* method, const char* pattern, Access access,
                                   std::function<void(RequestContext&)> handler)>;
void add_catalog_routes(const RouteFn& add);
void add_commerce_routes(const RouteFn& add);
void add_staff_routes(const RouteFn& add);
void add_kiosk_routes(const RouteFn& add);
void add_payment_routes(const RouteFn& add);
void add_handoff_routes(const RouteFn& add);
void add_ops_routes(const RouteFn& add);

}  // namespace central_api
