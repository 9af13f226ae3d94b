#pragma once
// Test harness for the reference server: a fresh copy of a small generated demo database in its
// own temporary directory, the server on a free loopback port with a clock the test moves,
// and HTTP helpers. One Harness per test case; nothing is shared between tests but a template
// database generated once per test run (copied, never opened twice).

#include "central_api/db.hpp"
#include "central_api/demo/demo_secrets.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace testing {

using central_api::json;

// A temporary directory removed at scope exit.
struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path;
};

// Path of the template database (300 products unless stated, seed 7, fast PIN hashes), generated
// on first use, with its demo secrets file beside it.
const std::string& template_db(int products = 300);

struct Response {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    json doc() const;  // parsed body (discarded value if not JSON)
    std::string header(const std::string& name) const;
};

class Harness {
public:
    explicit Harness(central_api::ServerOptions extra = {}, int products = 300);
    ~Harness();

    std::string db_path() const { return dir_.path + "/demo.db"; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }
    void advance(std::int64_t seconds) { now_ += seconds; }
    // Takes the server off the network (connections refused) and brings it back on the same
    // port with the same database: "the API went down and came back".
    void stop_server();
    void start_server();
    std::int64_t now() const { return now_; }

    // The first kiosk's token and identity (store "paris-rivoli" unless stated).
    std::string token, kiosk_id, store_id;
    // The demo kiosk token of a store, and the demo PIN of a staff member ("s-paris-rivoli-1"),
    // derived from the database's secrets file as `central-api tokens` and `staff` print them.
    std::string token_for_store(const std::string& store_id);
    std::string pin_for(const std::string& staff_id);
    // A direct connection to the database, for set-up and checks.
    std::unique_ptr<central_api::Db> open_db() const;

    Response get(const std::string& path, const httplib::Headers& headers = {}, bool auth = true);
    Response post(const std::string& path, const std::string& body, const httplib::Headers& headers = {},
                  bool auth = true);
    Response post(const std::string& path, const json& body, const httplib::Headers& headers = {}) {
        return post(path, body.dump(), headers);
    }
    Response del(const std::string& path, const httplib::Headers& headers = {});
    httplib::Headers auth_headers(const httplib::Headers& extra = {}) const;

private:
    TempDir dir_;
    std::vector<central_api::DemoKiosk> kiosks_;
    std::vector<central_api::DemoStaff> staff_;
    std::atomic<std::int64_t> now_;
    central_api::ServerOptions options_;
    std::unique_ptr<central_api::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

// True when a 422 problem lists `field` with `code` among its errors.
bool names_field(const Response& r, const std::string& field, const std::string& code);

// Child processes for command-line tests.
struct Child {
    pid_t pid = -1;
    int out = -1, err = -1;  // read ends of its stdout and stderr
};
Child spawn(const std::string& binary, const std::vector<std::string>& args);
// Reads from fd until EOF, or until `stop_at` appears, waiting at most `seconds`.
std::string read_until(int fd, const std::string& stop_at, int seconds);
struct Result {
    int code = -1;
    std::string out, err;
};
// Runs a program to completion (at most 300 s) and collects its output and exit code.
Result run(const std::string& binary, const std::vector<std::string>& args);
int count_lines(const std::string& text);

// The numbers of the orders in the server's database, sorted.
std::vector<std::string> order_numbers(Harness& h);
// Units of `sku` at `location` in the server's database (0 when it has no row).
std::int64_t stock_at(Harness& h, const std::string& sku, const std::string& location);

// A pickup-able SKU with `units` units on the shelf of `store` and none anywhere else.
std::string stock_only_at(Harness& h, const std::string& store, int units);
// A valid order body for `sku` at the kiosk's unit price (fresh from the database).
json order_body(Harness& h, const std::string& sku, int quantity, const std::string& pickup_store);

}  // namespace testing
