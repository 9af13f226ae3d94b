#include "harness.hpp"

#include "central_api/demo/drawn_images.hpp"
#include "central_api/demo/generator.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

extern char** environ;

namespace testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "central-api-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
}

const std::string& template_db(int products) {
    static TempDir dir;
    static std::mutex mutex;
    static std::map<int, std::string> paths;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = paths.find(products);
    if (it != paths.end()) return it->second;
    const std::string path = dir.path + "/template-" + std::to_string(products) + ".db";
    central_api::GeneratorOptions options;
    options.products = products;
    options.seed = 7;
    options.fast_pin_hash = true;
    central_api::generate_demo(path, options, central_api::system_clock());
    return paths.emplace(products, path).first->second;
}

json Response::doc() const { return json::parse(body, nullptr, false); }

std::string Response::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

Harness::Harness(central_api::ServerOptions extra, int products) : now_(central_api::system_clock()()) {
    fs::copy_file(template_db(products), db_path());
    fs::copy_file(central_api::demo_secrets_path(template_db(products)), central_api::demo_secrets_path(db_path()));
    kiosks_ = central_api::demo_kiosks(db_path());
    staff_ = central_api::demo_staff(db_path());
    extra.db_path = db_path();
    if (!extra.image_source) extra.image_source = central_api::drawn_images();
    extra.clock = [this] { return now_.load(); };
    options_ = extra;
    server_ = std::make_unique<central_api::Server>(extra);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    token = token_for_store("paris-rivoli");
    kiosk_id = "k-paris-rivoli-1";
    store_id = "paris-rivoli";
}

Harness::~Harness() { stop_server(); }

void Harness::stop_server() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

void Harness::start_server() {
    if (server_) return;
    central_api::ServerOptions again = options_;
    again.port = port_;
    server_ = std::make_unique<central_api::Server>(again);
    server_->bind();
    thread_ = std::thread([this] { server_->run(); });
}

std::string Harness::token_for_store(const std::string& store) {
    for (const auto& k : kiosks_)
        if (k.store_id == store) return k.token;
    throw std::runtime_error("no kiosk for " + store);
}

std::string Harness::pin_for(const std::string& staff_id) {
    for (const auto& s : staff_)
        if (s.staff_id == staff_id) return s.pin;
    throw std::runtime_error("no staff " + staff_id);
}

std::unique_ptr<central_api::Db> Harness::open_db() const {
    return std::make_unique<central_api::Db>(db_path(), central_api::Db::Mode::ReadWrite);
}

httplib::Headers Harness::auth_headers(const httplib::Headers& extra) const {
    httplib::Headers headers = extra;
    if (headers.find("Authorization") == headers.end()) headers.emplace("Authorization", "Bearer " + token);
    return headers;
}

namespace {
Response convert(const httplib::Result& r) {
    Response out;
    if (!r) return out;  // status 0: transport error
    out.status = r->status;
    out.body = r->body;
    out.headers = r->headers;
    return out;
}
}  // namespace

Response Harness::get(const std::string& path, const httplib::Headers& headers, bool auth) {
    httplib::Client cli("127.0.0.1", port_);
    cli.set_read_timeout(60, 0);
    return convert(cli.Get(path.c_str(), auth ? auth_headers(headers) : headers));
}

Response Harness::post(const std::string& path, const std::string& body, const httplib::Headers& headers,
                       bool auth) {
    httplib::Client cli("127.0.0.1", port_);
    cli.set_read_timeout(60, 0);
    return convert(cli.Post(path.c_str(), auth ? auth_headers(headers) : headers, body, "application/json"));
}

Response Harness::del(const std::string& path, const httplib::Headers& headers) {
    httplib::Client cli("127.0.0.1", port_);
    return convert(cli.Delete(path.c_str(), auth_headers(headers)));
}

Child spawn(const std::string& binary, const std::vector<std::string>& args) {
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<std::string> copy = args;
    std::string program = binary;
    std::vector<char*> argv{program.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    Child c;
    int rc = posix_spawn(&c.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    if (rc != 0) throw std::runtime_error("cannot start " + binary);
    c.out = out[0];
    c.err = err[0];
    return c;
}

std::string read_until(int fd, const std::string& stop_at, int seconds) {
    std::string data;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (poll(&p, 1, static_cast<int>(std::max<long long>(left, 1))) <= 0) break;
        char buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (!stop_at.empty() && data.find(stop_at) != std::string::npos) break;
    }
    return data;
}

Result run(const std::string& binary, const std::vector<std::string>& args) {
    Child c = spawn(binary, args);
    Result r;
    r.out = read_until(c.out, "", 300);
    r.err = read_until(c.err, "", 5);
    int status = 0;
    waitpid(c.pid, &status, 0);
    close(c.out);
    close(c.err);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // Say why a program did not exit by itself, for the failure message.
    if (WIFSIGNALED(status)) r.err += "\n[ended by signal " + std::to_string(WTERMSIG(status)) + "]";
    return r;
}

int count_lines(const std::string& text) {
    int n = 0;
    for (char c : text) n += c == '\n';
    return n;
}

bool names_field(const Response& r, const std::string& field, const std::string& code) {
    for (const auto& e : r.doc().value("errors", json::array()))
        if (e["field"] == field && e["code"] == code) return true;
    return false;
}

std::string stock_only_at(Harness& h, const std::string& store, int units) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT sku FROM variants WHERE online_only = 0 ORDER BY sku LIMIT 1 OFFSET 17");
    if (!st.step()) throw std::runtime_error("no variant");
    std::string sku = st.text(0);
    db->prepare("DELETE FROM stock WHERE sku = ?").bind(1, sku).run();
    db->prepare("INSERT INTO stock(sku, location_id, quantity) VALUES(?,?,?)").bind(1, sku).bind(2, store).bind(3, units).run();
    return sku;
}

json order_body(Harness& h, const std::string& sku, int quantity, const std::string& pickup_store) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT price_online FROM variants WHERE sku = ?");
    st.bind(1, sku);
    if (!st.step()) throw std::runtime_error("no variant " + sku);
    json fulfilment = pickup_store.empty()
                          ? json{{"type", "delivery"},
                                 {"address", {{"name", "Élodie Crépin"}, {"line1", "12 rue des Lilas"}, {"postcode", "69003"}, {"city", "Lyon"}, {"country", "FR"}}}}
                          : json{{"type", "pickup"}, {"store_id", pickup_store}};
    return {{"lines", {{{"sku", sku}, {"quantity", quantity}, {"unit_price", {{"amount", st.integer(0)}, {"currency", "EUR"}}}}}},
            {"fulfilment", fulfilment},
            {"contact", {{"email", "elodie.crepin@example.org"}, {"phone", "06 12 34 56 78"}}},
            {"payment", {{"method", "pay_at_till"}}},
            {"channel", {{"store_id", h.store_id}, {"kiosk_id", h.kiosk_id}}}};
}

std::vector<std::string> order_numbers(Harness& h) {
    std::vector<std::string> out;
    auto db = h.open_db();
    auto st = db->prepare("SELECT number FROM orders ORDER BY number");
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::int64_t stock_at(Harness& h, const std::string& sku, const std::string& location) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT quantity FROM stock WHERE sku = ? AND location_id = ?");
    st.bind(1, sku).bind(2, location);
    return st.step() ? st.integer(0) : 0;
}

}  // namespace testing
