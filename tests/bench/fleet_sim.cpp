// fleet_sim: what a growing fleet of kiosks costs the central commerce API (central-api).
//   fleet_sim [--kiosks 10,100,500] [--seconds 60] [--speed 1] [--products 2000] [--json]
//             [--work DIR] [--saturate | --no-saturate] [--saturate-seconds 20] [--seed 7]
//             [--saturate-writers 32] [--workers W] [--no-keep-alive] [--central-api PATH]
//   fleet_sim --bootstrap-db DEMO.db --snapshots DIR [--kiosks 100] [--seconds 60] [--json]
// For each fleet size N in turn, on a fresh database:
//  1. `central-api generate` makes the demo retailer (P products) in DIR/nN/central.db; the tool
//     then gives it N kiosks (k-<store>-<n>, spread over the 40 stores), fills the warehouses so
//     that orders never run out, and reads the SKUs the warehouses hold with their online prices;
//  2. `central-api serve` on a free loopback port, without rate limit, 16 HTTP threads;
//  3. one full catalogue sync by the tool: every kiosk starts from its cursor (a fleet in steady
//     state syncs by delta, it does not take N snapshots at once);
//  4. N kiosks, each with its own keep-alive connection, call the server at a busy store's rates
//     (fleet_sim_calls.cpp; --speed K compresses time K-fold) for S seconds, already in steady
//     state at t=0 (random phases, sessions in progress). A scheduler drives them: W worker
//     threads (default min(N, 32)) take due calls from one time-ordered queue;
//  5. per call kind: count, calls/s, latency p50/p99/max, errors (the first few on stderr); the
//     server's CPU over the run (share of one core), resident memory at the end and peak, and the
//     database size; the scheduler's lag says whether the tool kept to its schedule.
// Then (--saturate, the default when several N are given) a fresh server takes only writes, as
// fast as 32 writers can post them (heartbeats, events batches of 8 and orders in the mix a kiosk
// sends), for --saturate-seconds: the write calls/s SQLite's single writer sustains, and the fleet
// size whose write rate (as offered in the runs) would reach it. The writers open a connection
// per call, so the run measures the writer, not how connections are shared among workers.
// With --bootstrap-db (issue 16), the other question: N kiosks starting from an empty replica at
// the same moment (a new fleet, or every kiosk after an upgrade that changes the replica's
// layout), on an existing demo database (e.g. the 1 000 000-product one; N kiosk tokens are
// added to it) and the snapshot built from it (`kioskctl snapshot DIR`). Twice, each on a fresh
// server for --seconds: today's way (every kiosk pages the whole feed) and the new way (every
// kiosk downloads the snapshot file). Per way: bytes sent, MB/s, kiosks done, mean progress,
// the server's CPU and peak memory, and what the whole fleet's bootstrap costs at that pace
// (time, bytes, server CPU), extrapolated when the time bound cut it short (fleet_bootstrap.cpp).
// --json prints the figures as one JSON document; progress and error samples go to stderr.
// The work directory (default a fresh temporary one) is removed at the end unless --work is given.
#include "fleet_sim.hpp"

#include "central_api/credentials.hpp"
#include "central_api/db.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;


namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// The server's HTTP workers (its default). A kept-alive connection holds one while it waits
// for its next request, and gives it up as soon as another connection waits for a worker
// (central_api/http_guard.cpp): before that, 16 workers served ~3 pausing kiosks a second and
// calls queued from about 100 kiosks on.
constexpr int kServerThreads = 16;

struct Options {
    std::vector<int> kiosks = {10, 100, 500};
    double seconds = 60, speed = 1, saturate_seconds = 20;
    int products = 2000, workers = 0, saturate_writers = 32;
    unsigned seed = 7;
    bool json = false, saturate = false, keep_alive = true;
    std::string work, central_api = CENTRAL_API_BINARY;
    std::string bootstrap_db, snapshots;  // the bootstrap comparison (see the top)
};

// ---- the retailer the fleet calls -----------------------------------------------------------

// A demo database ready for the fleet, and what its kiosks call with.
struct Retailer {
    fs::path db;
    json kiosks = json::array();  // [{"id","store","token"}]
    json skus = json::array();    // [{"sku","price"}]: SKUs with warehouse stock, online prices
};

// Gives the demo database `n` kiosks with known tokens, fills the warehouses, lists the SKUs.
Retailer prepare_database(const fs::path& path, int n) {
    central_api::Db db(path.string(), central_api::Db::Mode::ReadWrite);
    std::vector<std::string> stores;
    for (auto st = db.prepare("SELECT id FROM locations WHERE kind = 'store' ORDER BY id"); st.step();)
        stores.push_back(st.text(0));
    if (stores.empty()) throw std::runtime_error(path.string() + " has no stores");
    Retailer r{path};
    for (int i = 0; i < n; ++i) {
        const std::string& store = stores[static_cast<std::size_t>(i) % stores.size()];
        const std::string id = "k-" + store + "-" + std::to_string(static_cast<std::size_t>(i) / stores.size() + 1);
        r.kiosks.push_back({{"id", id}, {"store", store}, {"token", central_api::set_kiosk_token(db, id, store)}});
    }
    db.exec("UPDATE stock SET quantity = 1000000 WHERE location_id IN (SELECT id FROM locations WHERE kind = 'warehouse')");
    for (auto st = db.prepare("SELECT v.sku, v.price_online FROM variants v WHERE EXISTS (SELECT 1 FROM stock s "
                              "JOIN locations l ON l.id = s.location_id WHERE s.sku = v.sku AND l.kind = 'warehouse') "
                              "ORDER BY v.sku");
         st.step();)
        r.skus.push_back({{"sku", st.text(0)}, {"price", st.integer(1)}});
    if (r.skus.empty()) throw std::runtime_error(path.string() + ": no SKU has warehouse stock");
    return r;
}

// ---- child processes ------------------------------------------------------------------------

// What SIGINT/SIGTERM must undo: the children still running and the work directory.
struct Cleanup {
    std::mutex mutex;
    std::vector<pid_t> children;
    fs::path dir;  // empty: keep
};

// A child process (posix_spawn). stderr goes to `log`; stdout too, or to a pipe (read_line).
class Child {
public:
    Child(const std::vector<std::string>& args, const fs::path& log, bool pipe_stdout, Cleanup& cleanup)
        : cleanup_(cleanup) {
        int fds[2] = {-1, -1};
        if (pipe_stdout && ::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        if (pipe_stdout) {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
            posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            posix_spawn_file_actions_adddup2(&actions, 1, 2);
        }
        posix_spawnattr_t attr;  // the child gets default signals, unblocked
        posix_spawnattr_init(&attr);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        for (int sig : {SIGINT, SIGTERM, SIGPIPE}) sigaddset(&defaults, sig);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &defaults);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::lock_guard<std::mutex> lock(cleanup_.mutex);
        const int rc = ::posix_spawn(&pid_, argv[0], &actions, &attr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        if (fds[1] >= 0) ::close(fds[1]);
        out_ = fds[0];
        if (rc != 0) {
            pid_ = -1;
            if (out_ >= 0) ::close(out_);
            throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(rc));
        }
        cleanup_.children.push_back(pid_);
    }
    ~Child() {
        if (pid_ > 0) stop(std::chrono::seconds(20));
        if (out_ >= 0) ::close(out_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    pid_t pid() const { return pid_; }

    // One line of the child's stdout, waiting at most `timeout`; empty at end of file or timeout.
    std::string read_line(Clock::duration timeout) {
        const auto deadline = Clock::now() + timeout;
        std::string line;
        for (char c = 0;;) {
            pollfd p{out_, POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) return {};
            if (::read(out_, &c, 1) != 1) return {};
            if (c == '\n') return line;
            line += c;
        }
    }
    // Waits for the exit, at most `timeout` (then SIGKILL): the exit code, or 128 + the signal.
    int wait(Clock::duration timeout) {
        if (pid_ <= 0) return status_;
        const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
        if (pidfd >= 0) {
            pollfd p{pidfd, POLLIN, 0};
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count();
            if (::poll(&p, 1, static_cast<int>(std::min<long long>(ms, 1 << 30))) == 0) ::kill(pid_, SIGKILL);
            ::close(pidfd);
        }
        int st = 0;
        while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
        }
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        std::lock_guard<std::mutex> lock(cleanup_.mutex);
        auto& c = cleanup_.children;
        c.erase(std::remove(c.begin(), c.end(), pid_), c.end());
        pid_ = -1;
        return status_;
    }
    int stop(Clock::duration grace) {
        if (pid_ > 0) ::kill(pid_, SIGTERM);
        return wait(grace);
    }

private:
    Cleanup& cleanup_;
    pid_t pid_ = -1;
    int out_ = -1;
    int status_ = 0;
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// utime + stime of a process, in seconds (/proc/PID/stat fields 14 and 15).
double cpu_seconds(pid_t pid) {
    const std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string skip;
    for (int field = 3; field < 14; ++field) rest >> skip;
    double utime = 0, stime = 0;
    rest >> utime >> stime;
    return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}
// A "VmRSS:"-style line of /proc/PID/status, in MB.
double status_mb(pid_t pid, const std::string& key) {
    std::istringstream in(read_text("/proc/" + std::to_string(pid) + "/status"));
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + key.size()) / 1024;
    return 0;
}
double round2(double v) { return std::round(v * 100) / 100; }
double file_mb(const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    return ec ? 0 : static_cast<double>(size) / 1e6;
}
std::string load_average() {
    std::string s = read_text("/proc/loadavg");
    return s.substr(0, s.find(' ', s.find(' ', s.find(' ') + 1) + 1));
}
double own_cpu_seconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Generates the demo retailer in `dir` with `n` kiosks.
Retailer make_retailer(const Options& o, const fs::path& dir, int n, Cleanup& cleanup) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path db = dir / "central.db", log = dir / "generate.log";
    std::fprintf(stderr, "fleet_sim: generating %d products in %s\n", o.products, db.c_str());
    Child gen({o.central_api, "generate", "--db", db.string(), "--products", std::to_string(o.products), "--fast-pin-hash"},
              log, false, cleanup);
    if (const int rc = gen.wait(std::chrono::hours(2)); rc != 0)
        throw std::runtime_error("central-api generate failed (exit " + std::to_string(rc) + "):\n" + read_text(log));
    return prepare_database(db, n);
}

// `central-api serve` on the database, on a free loopback port.
class Server {
public:
    Server(const Options& o, const fs::path& db, Cleanup& cleanup, const fs::path& log_dir = {})
        : log_((log_dir.empty() ? db.parent_path() : log_dir) / "serve.log"),
          child_(args(o, db), log_, true, cleanup) {
        const std::string line = child_.read_line(std::chrono::minutes(2));
        const std::string prefix = "listening on http://127.0.0.1:";
        if (line.rfind(prefix, 0) == 0) port_ = std::atoi(line.c_str() + prefix.size());
        if (port_ <= 0) {
            const int rc = child_.stop(std::chrono::seconds(10));
            throw std::runtime_error("central-api serve did not start (first line '" + line + "', exit " +
                                     std::to_string(rc) + "):\n" + read_text(log_));
        }
    }
    int port() const { return port_; }
    pid_t pid() const { return child_.pid(); }
    // SIGTERM; the exit code (0 expected), the server's log on stderr otherwise.
    int stop() {
        const int rc = child_.stop(std::chrono::seconds(30));
        if (rc != 0) std::fprintf(stderr, "fleet_sim: central-api serve exited with %d:\n%s", rc, read_text(log_).c_str());
        return rc;
    }

private:
    static std::vector<std::string> args(const Options& o, const fs::path& db) {
        std::vector<std::string> a = {o.central_api, "serve", "--db", db.string(), "--listen", "127.0.0.1:0", "--rate-limit", "0",
                                      "--threads", std::to_string(kServerThreads)};
        if (!o.snapshots.empty()) a.insert(a.end(), {"--snapshots", o.snapshots});
        return a;
    }
    fs::path log_;
    Child child_;
    int port_ = 0;
};

// ---- runs ---------------------------------------------------------------------------------------

struct ServerFigures {
    double cpu0 = 0, own0 = 0;
    Clock::time_point t0;
};
ServerFigures begin_figures(pid_t pid) { return {cpu_seconds(pid), own_cpu_seconds(), Clock::now()}; }
json end_figures(const ServerFigures& f, pid_t pid, const fs::path& db) {
    const double wall = std::chrono::duration<double>(Clock::now() - f.t0).count();
    const double cpu = cpu_seconds(pid) - f.cpu0, own = own_cpu_seconds() - f.own0;
    return {{"wall_s", round2(wall)}, {"cpu_s", round2(cpu)}, {"cpu_pct_of_one_core", round2(100 * cpu / wall)},
            {"rss_mb_end", round2(status_mb(pid, "VmRSS:"))}, {"rss_mb_peak", round2(status_mb(pid, "VmHWM:"))},
            {"db_mb", round2(file_mb(db))}, {"wal_mb", round2(file_mb(db.string() + "-wal"))},
            {"tool_cpu_pct_of_one_core", round2(100 * own / wall)}};
}

json run_fleet(const Options& o, int n, const fs::path& dir, Cleanup& cleanup) {
    const Retailer r = make_retailer(o, dir / ("n" + std::to_string(n)), n, cleanup);
    Server server(o, r.db, cleanup);
    const json snapshot = fleet_sim::full_sync(server.port(), r.kiosks.front()["token"]);  // once, by the tool
    const int workers = o.workers > 0 ? o.workers : std::min(n, 32);
    std::fprintf(stderr, "fleet_sim: N=%d: full sync of %d pages in %.2f s; %d kiosks for %.0f s at speed %g, %d workers\n", n,
                 snapshot["pages"].get<int>(), snapshot["s"].get<double>(), n, o.seconds, o.speed, workers);
    const json setup = {{"port", server.port()}, {"kiosks", r.kiosks}, {"skus", r.skus}, {"cursor", snapshot["cursor"]},
                        {"seconds", o.seconds}, {"speed", o.speed}, {"seed", o.seed}, {"workers", workers},
                        {"keep_alive", o.keep_alive}, {"label", "N=" + std::to_string(n)}};
    const std::string load_before = load_average();
    const ServerFigures f = begin_figures(server.pid());
    json out = fleet_sim::run_fleet_calls(setup);
    out["server"] = end_figures(f, server.pid(), r.db);
    out.update({{"kiosks", n}, {"seconds", o.seconds}, {"speed", o.speed}, {"products", o.products}, {"workers", workers},
                {"keep_alive", o.keep_alive}, {"full_sync", {{"pages", snapshot["pages"]}, {"s", snapshot["s"]}}},
                {"load_average", {load_before, load_average()}}});
    out["server_exit"] = server.stop();
    return out;
}

// Writes only, as fast as --saturate-writers kiosks can post them, in a kiosk's mix, a connection
// per call (see the top of the file).
json run_saturation(const Options& o, const fs::path& dir, Cleanup& cleanup) {
    const int writers = o.saturate_writers;
    const Retailer r = make_retailer(o, dir / "saturation", writers, cleanup);
    Server server(o, r.db, cleanup);
    std::fprintf(stderr, "fleet_sim: saturation: %d writers posting writes for %.0f s\n", writers, o.saturate_seconds);
    const json setup = {{"port", server.port()}, {"kiosks", r.kiosks}, {"skus", r.skus}, {"seconds", o.saturate_seconds},
                        {"seed", o.seed}, {"keep_alive", false}, {"label", "saturation"}};
    const std::string load_before = load_average();
    const ServerFigures f = begin_figures(server.pid());
    json out = fleet_sim::run_saturation_calls(setup);
    out["server"] = end_figures(f, server.pid(), r.db);
    out.update({{"writers", writers}, {"seconds", o.saturate_seconds}, {"products", o.products},
                {"load_average", {load_before, load_average()}}});
    out["server_exit"] = server.stop();
    return out;
}

// N kiosks bootstrapping at once, each way on a fresh server (see the top of the file).
json run_bootstrap(const Options& o, int n, const fs::path& dir, Cleanup& cleanup) {
    const json manifest = json::parse(read_text(fs::path(o.snapshots) / "snapshot.json"), nullptr, false);
    if (!manifest.is_object() || !manifest.value("products", json()).is_number_integer() || !manifest.value("bytes", json()).is_number())
        throw std::runtime_error(o.snapshots + "/snapshot.json: no snapshot manifest (build one: kioskctl snapshot " + o.snapshots + ")");
    const std::int64_t products = manifest["products"];
    json kiosks = json::array();
    {
        central_api::Db db(o.bootstrap_db, central_api::Db::Mode::ReadWrite);
        const std::string store = [&] {
            auto st = db.prepare("SELECT id FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1");
            if (!st.step()) throw std::runtime_error(o.bootstrap_db + " has no stores");
            return st.text(0);
        }();
        for (int i = 0; i < n; ++i)
            kiosks.push_back({{"token", central_api::set_kiosk_token(db, "bootstrap-" + std::to_string(i + 1), store)}});
    }
    json out = {{"kiosks", n}, {"products", products}, {"seconds", o.seconds}, {"ways", json::array()}};
    for (const char* way : {"feed", "snapshot"}) {
        const fs::path logs = dir / (std::string("bootstrap-") + way + "-" + std::to_string(n));
        fs::create_directories(logs);
        Server server(o, o.bootstrap_db, cleanup, logs);
        std::fprintf(stderr, "fleet_sim: bootstrap: %d kiosks, %s, for at most %.0f s\n", n, way, o.seconds);
        const json setup = {{"port", server.port()}, {"way", way}, {"seconds", o.seconds},
                            {"feed_pages", (products + 999) / 1000}, {"kiosks", kiosks}};
        const std::string load_before = load_average();
        const ServerFigures f = begin_figures(server.pid());
        json run = fleet_sim::run_bootstrap_calls(setup);
        run["server"] = end_figures(f, server.pid(), o.bootstrap_db);
        run["load_average"] = {load_before, load_average()};
        // The whole fleet's bootstrap at this pace: what the bound left undone, extrapolated.
        const double progress = run["mean_progress"];
        if (progress > 0) {
            run["fleet_s"] = round2(run["wall_s"].get<double>() / progress);
            run["fleet_gb"] = round2(run["bytes"].get<double>() / progress / 1e9);
            run["fleet_server_cpu_s"] = round2(run["server"]["cpu_s"].get<double>() / progress);
        }
        run["server_exit"] = server.stop();
        out["ways"].push_back(std::move(run));
    }
    return out;
}

void print_bootstrap(const json& b) {
    std::printf("\nBootstrap: %d kiosks from an empty replica at once, %lld products, at most %.0f s each way\n",
                b["kiosks"].get<int>(), b["products"].get<long long>(), b["seconds"].get<double>());
    std::printf("  %-9s %10s %8s %6s %9s %7s %14s %9s | %-36s\n", "way", "sent MB", "MB/s", "done", "progress", "errors",
                "server CPU", "RSS peak", "the whole fleet at this pace");
    for (const json& w : b["ways"]) {
        const json& s = w["server"];
        char fleet[96] = "-";
        if (w.contains("fleet_s"))
            std::snprintf(fleet, sizeof fleet, "%.0f s, %.1f GB sent, %.1f s of server CPU", w["fleet_s"].get<double>(),
                          w["fleet_gb"].get<double>(), w["fleet_server_cpu_s"].get<double>());
        std::printf("  %-9s %10.1f %8.1f %6lld %8.1f%% %7lld %7.2f s %4.0f%% %6.0f MB | %s\n", w["way"].get<std::string>().c_str(),
                    w["bytes"].get<double>() / 1e6, w["mb_per_s"].get<double>(), w["kiosks_done"].get<long long>(),
                    100 * w["mean_progress"].get<double>(), w["errors"].get<long long>(), s["cpu_s"].get<double>(),
                    s["cpu_pct_of_one_core"].get<double>(), s["rss_mb_peak"].get<double>(), fleet);
    }
    std::printf("  (server CPU: seconds over the run and share of one core; load average %s -> %s, then %s -> %s)\n",
                b["ways"][0]["load_average"][0].get<std::string>().c_str(), b["ways"][0]["load_average"][1].get<std::string>().c_str(),
                b["ways"][1]["load_average"][0].get<std::string>().c_str(), b["ways"][1]["load_average"][1].get<std::string>().c_str());
}

// ---- output ---------------------------------------------------------------------------------

void print_calls(const json& calls) {
    std::printf("  %-13s %8s %9s %9s %9s %9s %7s\n", "call", "count", "calls/s", "p50 ms", "p99 ms", "max ms", "errors");
    for (const char* name : {"heartbeat", "events", "sync", "availability", "quote", "order", "writes", "all"}) {
        if (!calls.contains(name)) continue;
        const json& c = calls[name];
        std::printf("  %-13s %8lld %9.2f %9.2f %9.2f %9.2f %7lld\n", name, c["count"].get<long long>(),
                    c["calls_per_s"].get<double>(), c["p50_ms"].get<double>(), c["p99_ms"].get<double>(),
                    c["max_ms"].get<double>(), c["errors"].get<long long>());
    }
}

void print_server(const json& s) {
    std::printf("  server: CPU %.2f s over %.1f s = %.1f %% of one core; RSS %.1f MB at end, %.1f MB peak; "
                "database %.1f MB (+ WAL %.1f MB); this tool used %.1f %% of one core\n",
                s["cpu_s"].get<double>(), s["wall_s"].get<double>(), s["cpu_pct_of_one_core"].get<double>(),
                s["rss_mb_end"].get<double>(), s["rss_mb_peak"].get<double>(), s["db_mb"].get<double>(),
                s["wal_mb"].get<double>(), s["tool_cpu_pct_of_one_core"].get<double>());
}

void print_run(const json& run) {
    std::printf("\nN = %d kiosks, %.0f s at speed %g (%.0f s of a store's day), %d products, %d workers%s; "
                "load average %s -> %s\n",
                run["kiosks"].get<int>(), run["seconds"].get<double>(), run["speed"].get<double>(),
                run["seconds"].get<double>() * run["speed"].get<double>(), run["products"].get<int>(),
                run["workers"].get<int>(), run["keep_alive"].get<bool>() ? "" : ", no keep-alive",
                run["load_average"][0].get<std::string>().c_str(), run["load_average"][1].get<std::string>().c_str());
    print_calls(run["calls"]);
    const json& lag = run["scheduler_lag"];
    std::printf("  scheduler lag (call start after its due time): p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                lag["p50_ms"].get<double>(), lag["p99_ms"].get<double>(), lag["max_ms"].get<double>());
    std::printf("  write calls per kiosk per second of the day: %.4f made, %.4f offered (~%.0f due but never started)\n",
                run["writes_per_kiosk_s"].get<double>(), run["offered_writes_per_kiosk_s"].get<double>(),
                run["writes_not_started"].get<double>());
    if (lag["p99_ms"].get<double>() > 1000)
        std::printf("  ! the fleet fell behind its schedule: its calls waited for the server, so the rates above are what\n"
                    "    the server let through, not what the fleet asked for\n");
    print_server(run["server"]);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"fleet_sim: the central server's cost as a fleet of kiosks grows"};
    app.add_option("--kiosks", o.kiosks, "fleet sizes, run in turn (e.g. 10,100,500)")->delimiter(',')->check(CLI::Range(1, 100000));
    app.add_option("--seconds", o.seconds, "wall time of each run")->check(CLI::Range(1.0, 86400.0));
    app.add_option("--speed", o.speed, "rate multiplier: 1 is a busy store's real rates")->check(CLI::Range(0.01, 10000.0));
    app.add_option("--products", o.products, "demo catalogue size")->check(CLI::Range(1, 10000000));
    app.add_flag("--json", o.json, "print the figures as JSON");
    app.add_option("--work", o.work, "work directory (kept); default a fresh temporary one, removed at the end");
    auto* saturate = app.add_flag("--saturate,!--no-saturate", o.saturate, "saturation run (default: when several N are given)");
    app.add_option("--saturate-seconds", o.saturate_seconds, "length of the saturation run")->check(CLI::Range(1.0, 3600.0));
    app.add_option("--saturate-writers", o.saturate_writers, "writer threads of the saturation run")
        ->check(CLI::Range(1, 1024));
    app.add_option("--workers", o.workers, "scheduler threads (default min(N, 32))")->check(CLI::Range(1, 1024));
    app.add_option("--seed", o.seed, "random seed");
    bool no_keep_alive = false;
    app.add_flag("--no-keep-alive", no_keep_alive, "a new connection per call (to compare)");
    app.add_option("--central-api", o.central_api, "the central-api program");
    app.add_option("--bootstrap-db", o.bootstrap_db, "bootstrap comparison on this existing demo database (kiosk tokens are added to it)");
    app.add_option("--snapshots", o.snapshots, "the snapshot directory built from it (kioskctl snapshot DIR)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;  // usage errors exit 2
    }
    if (saturate->count() == 0) o.saturate = o.kiosks.size() > 1 && o.bootstrap_db.empty();
    if (o.bootstrap_db.empty() != o.snapshots.empty()) {
        std::fprintf(stderr, "fleet_sim: --bootstrap-db and --snapshots go together\n");
        return 2;
    }
    o.keep_alive = !no_keep_alive;

    // SIGINT/SIGTERM: stop the children, remove the work directory, exit 130.
    static Cleanup cleanup;  // outlives the watcher thread
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    std::thread([signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        std::lock_guard<std::mutex> lock(cleanup.mutex);
        for (pid_t pid : cleanup.children) ::kill(pid, SIGTERM);
        for (pid_t pid : cleanup.children) ::waitpid(pid, nullptr, 0);
        std::error_code ec;
        if (!cleanup.dir.empty()) fs::remove_all(cleanup.dir, ec);
        std::fprintf(stderr, "fleet_sim: interrupted\n");
        std::_Exit(130);
    }).detach();

    try {
        if (::access(o.central_api.c_str(), X_OK) != 0)
            throw std::runtime_error("no central-api program at " + o.central_api +
                                     " (build it: cmake --build --preset release --target central-api, or give --central-api PATH)");
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
        fs::path dir;
        if (o.work.empty()) {
            std::string tmpl = (fs::temp_directory_path() / "fleet-sim-XXXXXX").string();
            if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory: " + std::string(std::strerror(errno)));
            dir = tmpl;
            std::lock_guard<std::mutex> lock(cleanup.mutex);
            cleanup.dir = dir;
        } else {
            dir = o.work;
            fs::create_directories(dir);
        }
        json out = {{"runs", json::array()}, {"cores", std::thread::hardware_concurrency()},
                    {"model_writes_per_kiosk_s", fleet_sim::model_writes_per_kiosk_s()}};
        double writes = 0, kiosks = 0;
        if (!o.bootstrap_db.empty()) {
            if (!fs::exists(o.bootstrap_db)) throw std::runtime_error("no database " + o.bootstrap_db);
            out["bootstrap"] = json::array();
            for (int n : o.kiosks) {
                json b = run_bootstrap(o, n, dir, cleanup);
                if (!o.json) print_bootstrap(b);
                std::fflush(stdout);
                out["bootstrap"].push_back(std::move(b));
            }
        }
        for (int n : (o.bootstrap_db.empty() ? o.kiosks : std::vector<int>{})) {
            json run = run_fleet(o, n, dir, cleanup);
            if (!o.json) print_run(run);
            std::fflush(stdout);
            writes += run["offered_writes_per_kiosk_s"].get<double>() * n;
            kiosks += n;
            out["runs"].push_back(std::move(run));
        }
        // The write calls a kiosk offers per second of a store's day, over every run: those made
        // and those due that a slow server kept from starting (the model when there was no run).
        out["offered_writes_per_kiosk_s"] = kiosks > 0 ? writes / kiosks : 0.0;
        if (o.saturate) {
            json sat = run_saturation(o, dir, cleanup);
            const double capacity = sat["calls"]["writes"]["calls_per_s"];
            const double measured = out["offered_writes_per_kiosk_s"];
            const double per_kiosk = measured > 0 ? measured : fleet_sim::model_writes_per_kiosk_s();
            sat["writes_per_kiosk_s"] = per_kiosk;
            sat["kiosks_at_capacity"] = std::floor(capacity / per_kiosk);
            if (!o.json) {
                std::printf("\nSaturation: %d writers posting writes (heartbeats, events batches of 8, orders), a connection "
                            "per call, for %.0f s; "
                            "load average %s -> %s\n",
                            sat["writers"].get<int>(), sat["seconds"].get<double>(),
                            sat["load_average"][0].get<std::string>().c_str(), sat["load_average"][1].get<std::string>().c_str());
                print_calls(sat["calls"]);
                print_server(sat["server"]);
                std::printf("SQLite's writer saturates at ~%.0f write calls/s (p99 %.1f ms): about %.0f kiosks at a busy "
                            "store's rates (%.4f write calls/s per kiosk offered in the runs, %.4f by the model)\n",
                            capacity, sat["calls"]["writes"]["p99_ms"].get<double>(), sat["kiosks_at_capacity"].get<double>(),
                            per_kiosk, fleet_sim::model_writes_per_kiosk_s());
            }
            out["saturation"] = std::move(sat);
        }
        if (o.json) std::printf("%s\n", out.dump(2).c_str());
        std::lock_guard<std::mutex> lock(cleanup.mutex);
        std::error_code ec;
        if (!cleanup.dir.empty()) fs::remove_all(cleanup.dir, ec);
        cleanup.dir.clear();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fleet_sim: %s\n", e.what());
        std::lock_guard<std::mutex> lock(cleanup.mutex);
        std::error_code ec;
        if (!cleanup.dir.empty()) fs::remove_all(cleanup.dir, ec);
        return 1;
    }
}
