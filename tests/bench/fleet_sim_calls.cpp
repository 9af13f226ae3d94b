// fleet_sim's kiosks (see fleet_sim.cpp): the calls one kiosk makes at a busy store's rates, the
// scheduler that drives N of them, the writes-only saturation loop, and the figures per call kind.
// Its interface is the few functions at the end (fleet_sim.hpp); they take and return JSON so
// that the two files share no type.
// Threads: Fleet::run's workers share the queue (one mutex, one condition variable) and Stats (one
// mutex); a kiosk's connection and state are used by one task at a time (Kiosk::busy).
#include "fleet_sim.hpp"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fleet_sim {
using json = nlohmann::json;
}  // namespace fleet_sim

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// A busy store's day, per kiosk, at --speed 1 (the kiosk's own intervals, and a shopper every
// five minutes during opening hours):
constexpr double kHeartbeatS = 60;       // heartbeat; then an events batch if shoppers came since
constexpr double kSyncS = 300;           // delta sync of the catalogue
constexpr double kSessionsPerHour = 12;  // shopper sessions, Poisson arrivals
constexpr double kStepS = 30;            // between two calls of one session
constexpr int kAvailabilityCalls = 3;    // per session, then a quote, then maybe an order
constexpr double kQuoteP = 0.5, kOrderP = 0.2;  // per session; an order always follows a quote
constexpr int kSessionSteps = kAvailabilityCalls + 2;

// Write calls per kiosk per second at these rates, by kind: heartbeats, events batches (one after
// a heartbeat when at least one session started in the minute), orders.
std::array<double, 3> write_mix() {
    const double sessions_s = kSessionsPerHour / 3600;
    return {1 / kHeartbeatS, (1 - std::exp(-sessions_s * kHeartbeatS)) / kHeartbeatS, sessions_s * kOrderP};
}

enum Kind : std::size_t { kHeartbeat, kEvents, kSync, kAvailability, kQuote, kOrder, kKinds };
constexpr std::array<const char*, kKinds> kKindName = {"heartbeat", "events", "sync", "availability", "quote", "order"};
bool is_write(std::size_t kind) { return kind == kHeartbeat || kind == kEvents || kind == kOrder; }

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));  // nearest rank
    return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1];
}
double round2(double v) { return std::round(v * 100) / 100; }

// Latencies and errors per call kind, shared by the worker threads.
class Stats {
public:
    void add(std::size_t kind, double ms, bool ok, const std::string& error) {
        std::lock_guard<std::mutex> lock(mutex_);
        ms_[kind].push_back(ms);
        if (ok) return;
        ++errors_[kind];
        if (samples_.size() < 5) samples_.push_back(error);
    }
    void lag(double ms) {
        std::lock_guard<std::mutex> lock(mutex_);
        lag_.push_back(ms);
    }
    std::size_t count(std::size_t kind) const {
        std::lock_guard<std::mutex> lock(mutex_);
        return ms_[kind].size();
    }
    // {"heartbeat":{count,errors,calls_per_s,p50_ms,p99_ms,max_ms},…,"writes":…,"all":…}
    json report(double seconds) const {
        std::lock_guard<std::mutex> lock(mutex_);
        json out = json::object();
        std::vector<double> writes, all;
        std::size_t write_errors = 0, all_errors = 0;
        auto row = [seconds](std::vector<double> v, std::size_t errors) {
            std::sort(v.begin(), v.end());
            return json{{"count", v.size()}, {"errors", errors},
                        {"calls_per_s", round2(static_cast<double>(v.size()) / seconds)},
                        {"p50_ms", round2(percentile(v, 0.5))}, {"p99_ms", round2(percentile(v, 0.99))},
                        {"max_ms", round2(v.empty() ? 0 : v.back())}};
        };
        for (std::size_t k = 0; k < kKinds; ++k) {
            if (ms_[k].empty()) continue;
            out[kKindName[k]] = row(ms_[k], errors_[k]);
            all.insert(all.end(), ms_[k].begin(), ms_[k].end());
            all_errors += errors_[k];
            if (!is_write(k)) continue;
            writes.insert(writes.end(), ms_[k].begin(), ms_[k].end());
            write_errors += errors_[k];
        }
        out["writes"] = row(writes, write_errors);
        out["all"] = row(all, all_errors);
        return out;
    }
    json lag_report() const {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<double> v = lag_;
        std::sort(v.begin(), v.end());
        return {{"p50_ms", round2(percentile(v, 0.5))}, {"p99_ms", round2(percentile(v, 0.99))},
                {"max_ms", round2(v.empty() ? 0 : v.back())}};
    }
    void print_samples(const char* where) const {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& s : samples_) std::fprintf(stderr, "fleet_sim: %s: error: %s\n", where, s.c_str());
    }

private:
    mutable std::mutex mutex_;
    std::array<std::vector<double>, kKinds> ms_;
    std::array<std::size_t, kKinds> errors_{};
    std::vector<double> lag_;
    std::vector<std::string> samples_;  // the first few error bodies
};

struct Reply {
    int status = 0;  // 0: no HTTP answer (transport error)
    std::string body;
    bool ok() const { return status >= 200 && status < 300; }
};

// One timed call; POST when `body` is given, GET otherwise. Never throws for a bad answer.
Reply call(httplib::Client& http, Stats& stats, std::size_t kind, const std::string& path, const json* body,
           const httplib::Headers& headers = {}) {
    const auto t0 = Clock::now();
    auto send = [&] {
        return body ? http.Post(path.c_str(), headers, body->dump(), "application/json") : http.Get(path.c_str(), headers);
    };
    httplib::Result r = send();
    // A request written into a kept-alive connection the server closed at that instant never
    // reached it: sent again on a fresh connection, as libcurl (the kiosk's transport) does.
    if (!r && r.error() == httplib::Error::Write) r = send();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    Reply out;
    if (r) {
        out.status = r->status;
        out.body = r->body;
    } else {
        out.body = "transport error: " + httplib::to_string(r.error());
    }
    stats.add(kind, ms, out.ok(),
              out.ok() ? std::string() : std::string(kKindName[kind]) + " " + path.substr(0, 100) + " -> " +
                                             std::to_string(out.status) + " " + out.body.substr(0, 300));
    return out;
}

json parse(const std::string& body) {
    try {
        return json::parse(body);
    } catch (const json::exception&) {
        return json();
    }
}

std::string iso_utc(std::chrono::system_clock::time_point t) {
    const std::time_t s = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}


struct KioskCred {
    std::string id, store, token;
};
struct Sku {
    std::string sku;
    std::int64_t price = 0;  // online price, minor units
};

// What fleet_sim.cpp passes in (see run_fleet_calls).
struct Setup {
    int port = 0;
    std::vector<KioskCred> kiosks;
    std::vector<Sku> skus;
    std::string cursor, label;
    double seconds = 60, speed = 1;
    unsigned seed = 7;
    int workers = 1;
    bool keep_alive = true;
};

Setup read_setup(const json& j) {
    Setup s;
    s.port = j.at("port");
    for (const auto& k : j.at("kiosks")) s.kiosks.push_back({k.at("id"), k.at("store"), k.at("token")});
    for (const auto& v : j.at("skus")) s.skus.push_back({v.at("sku"), v.at("price")});
    s.cursor = j.value("cursor", "");
    s.label = j.value("label", "run");
    s.seconds = j.value("seconds", 60.0);
    s.speed = j.value("speed", 1.0);
    s.seed = j.value("seed", 7u);
    s.workers = j.value("workers", 1);
    s.keep_alive = j.value("keep_alive", true);
    if (s.kiosks.empty() || s.skus.empty()) throw std::runtime_error("no kiosks or no SKUs to call with");
    return s;
}

std::unique_ptr<httplib::Client> connect(int port, const std::string& token, bool keep_alive) {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
    c->set_keep_alive(keep_alive);
    c->set_tcp_nodelay(true);  // as the kiosk's libcurl does: no Nagle delay between head and body
    c->set_bearer_token_auth(token.c_str());
    c->set_connection_timeout(10);
    c->set_read_timeout(60);
    c->set_write_timeout(30);
    return c;
}

// ---- one kiosk's calls ------------------------------------------------------------------------

struct Session {
    std::string id, at, sku;
    bool quote = false, order = false;
};

struct Kiosk {
    KioskCred cred;
    std::unique_ptr<httplib::Client> http;
    std::mutex busy;  // one task at a time on the kiosk's connection
    std::mt19937_64 rng;
    std::string cursor;
    std::vector<Session> unsent;  // sessions whose events wait for the next heartbeat
    std::int64_t sessions = 0, orders = 0, uptime0 = 0;
};

// What every kiosk's calls share (read-only during a run, but for `stats`).
struct Context {
    const std::vector<Sku>& skus;
    Stats& stats;
    double speed;
    Clock::time_point start;
    std::chrono::system_clock::time_point wall_start;
    double sim_now() const { return std::chrono::duration<double>(Clock::now() - start).count() * speed; }
};

const Sku& any_sku(const Context& cx, Kiosk& k) {
    return cx.skus[std::uniform_int_distribution<std::size_t>(0, cx.skus.size() - 1)(k.rng)];
}

Session new_session(const Context& cx, Kiosk& k, double sim_t) {
    std::bernoulli_distribution order(kOrderP), quote((kQuoteP - kOrderP) / (1 - kOrderP));
    Session s{k.cred.id + "-s" + std::to_string(++k.sessions),
              iso_utc(cx.wall_start + std::chrono::milliseconds(static_cast<long long>(sim_t / cx.speed * 1000))),
              any_sku(cx, k).sku, false, order(k.rng)};
    s.quote = s.order || quote(k.rng);
    return s;
}

void remember(Kiosk& k, Session s) {
    if (k.unsent.size() >= 100) k.unsent.erase(k.unsent.begin());  // an outbox bounded at 800 events
    k.unsent.push_back(std::move(s));
}

// About 8 events per session, as the kiosk's analytics send them.
json events_body(const std::vector<Session>& sessions) {
    static const std::array<const char*, 6> searches = {"pull laine", "basket running", "canapé 3 places",
                                                        "pneu 205/55 R16", "poussette", "casque bluetooth"};
    json list = json::array();
    for (const auto& s : sessions) {
        auto event = [&](const char* type, json data) {
            json e = {{"type", type}, {"at", s.at}, {"session_id", s.id}};
            if (!data.is_null()) e["data"] = std::move(data);
            list.push_back(std::move(e));
        };
        const char* text = searches[s.sku.size() % searches.size()];
        event("session_start", nullptr);
        event("search", {{"value", 24}, {"detail", text}});
        event("product_view", {{"detail", s.sku}});
        event("availability", {{"detail", s.sku}});
        event("product_view", {{"detail", s.sku}});
        event("add_to_cart", {{"value", 1}, {"detail", s.sku}});
        if (s.order) event("order_placed", {{"value", 1}});
        else event("search", {{"value", 0}, {"detail", std::string(text) + " xl"}});
        event("session_end", nullptr);
    }
    return {{"events", list}};
}

void heartbeat(const Context& cx, Kiosk& k) {
    const json hb = {{"version", "0.1.0-fleet-sim"},
                     {"catalog_cursor", k.cursor.empty() ? json(nullptr) : json(k.cursor)},
                     {"outbox_depth", k.unsent.size() * 8},
                     {"uptime_s", k.uptime0 + static_cast<std::int64_t>(cx.sim_now())},
                     {"interval_s", static_cast<int>(kHeartbeatS)}};
    call(*k.http, cx.stats, kHeartbeat, "/v1/kiosks/heartbeat", &hb);
    if (k.unsent.empty()) return;
    const json events = events_body(k.unsent);
    if (call(*k.http, cx.stats, kEvents, "/v1/events", &events).ok()) k.unsent.clear();
}

void sync(const Context& cx, Kiosk& k) {
    for (int page = 0; page < 100; ++page) {
        const Reply r = call(*k.http, cx.stats, kSync, "/v1/catalog/changes?since=" + k.cursor + "&limit=1000", nullptr);
        const json doc = parse(r.body);
        if (!r.ok() || !doc.is_object() || !doc.value("next_cursor", json()).is_string()) return;
        k.cursor = doc["next_cursor"].get<std::string>();
        if (!doc.value("has_more", false)) return;
    }
}

void availability(const Context& cx, Kiosk& k) {
    call(*k.http, cx.stats, kAvailability, "/v1/availability?skus=" + any_sku(cx, k).sku + "&near=" + k.cred.store, nullptr);
}

void quote(const Context& cx, Kiosk& k) {
    json lines = json::array();
    const int n = std::uniform_int_distribution<int>(1, 3)(k.rng);
    for (int i = 0; i < n; ++i) {
        const std::string& sku = any_sku(cx, k).sku;
        if (std::none_of(lines.begin(), lines.end(), [&](const json& l) { return l["sku"] == sku; }))
            lines.push_back({{"sku", sku}, {"quantity", 1}});
    }
    const json body = {{"lines", lines}};
    call(*k.http, cx.stats, kQuote, "/v1/quotes", &body);
}

// A delivery order paid at the till (tests/central_api/harness.cpp order_body).
void order(const Context& cx, Kiosk& k) {
    const Sku& s = any_sku(cx, k);
    const json body = {
        {"lines", {{{"sku", s.sku}, {"quantity", 1}, {"unit_price", {{"amount", s.price}, {"currency", "EUR"}}}}}},
        {"fulfilment", {{"type", "delivery"},
                        {"address", {{"name", "Élodie Crépin"}, {"line1", "12 rue des Lilas"}, {"postcode", "69003"},
                                     {"city", "Lyon"}, {"country", "FR"}}}}},
        {"contact", {{"email", "elodie.crepin@example.org"}}},
        {"payment", {{"method", "pay_at_till"}}},
        {"channel", {{"store_id", k.cred.store}, {"kiosk_id", k.cred.id}}}};
    const std::string key = "fleet-" + k.cred.id + "-" + std::to_string(++k.orders) + "-" + std::to_string(k.rng() % 1000000007);
    call(*k.http, cx.stats, kOrder, "/v1/orders", &body, {{"Idempotency-Key", key}});
}

// ---- the fleet: N kiosks driven by a time-ordered queue ------------------------------------

class Fleet {
public:
    Fleet(const Setup& setup, Stats& stats) : cx_{setup.skus, stats, setup.speed, Clock::now(), std::chrono::system_clock::now()} {
        std::mt19937_64 seeder(setup.seed);
        for (const auto& cred : setup.kiosks) {
            auto k = std::make_unique<Kiosk>();
            k->cred = cred;
            k->http = connect(setup.port, cred.token, setup.keep_alive);
            k->rng.seed(seeder());
            k->cursor = setup.cursor;
            k->uptime0 = std::uniform_int_distribution<std::int64_t>(3600, 12 * 3600)(k->rng);
            kiosks_.push_back(std::move(k));
        }
    }

    // Runs the fleet for `seconds` of wall time on `workers` threads; returns when all are done.
    void run(double seconds, int workers) {
        cx_.start = Clock::now();
        cx_.wall_start = std::chrono::system_clock::now();
        end_ = cx_.start + wall(seconds * cx_.speed);
        for (std::size_t i = 0; i < kiosks_.size(); ++i) start_kiosk(i);
        std::vector<std::thread> pool;
        for (int w = 0; w < workers; ++w) pool.emplace_back([this] { work(); });
        for (auto& t : pool) t.join();
    }

    // After run(): the write calls that were due before the end but never started (the workers
    // were all waiting on a slow server), expected from what is left in the queue: a kiosk's
    // next heartbeat and arrival stand for all those due after them. With the writes made, the
    // load the fleet offered.
    double writes_not_started() {
        const double end_sim = std::chrono::duration<double>(end_ - cx_.start).count() * cx_.speed;
        const double sessions_s = kSessionsPerHour / 3600, order_after = kStepS * (kSessionSteps - 1);
        const double events_p = 1 - std::exp(-sessions_s * kHeartbeatS);
        double n = 0;
        for (; !queue_.empty() && queue_.top().sim_t < end_sim; queue_.pop()) {
            const Due& d = queue_.top();
            if (d.task == Task::Heartbeat) {
                const double beats = std::floor((end_sim - d.sim_t) / kHeartbeatS) + 1;
                n += beats + (kiosks_[d.kiosk]->unsent.empty() ? 0 : 1) + (beats - 1) * events_p;
            } else if (d.task == Task::Arrival && d.sim_t + order_after < end_sim) {
                n += kOrderP * (1 + (end_sim - order_after - d.sim_t) * sessions_s);
            } else if (d.task == Task::Step && d.session.order && d.sim_t + (kSessionSteps - 1 - d.step) * kStepS < end_sim) {
                n += 1;
            }
        }
        return n;
    }

private:
    enum class Task { Heartbeat, Sync, Arrival, Step };
    struct Due {
        double sim_t;  // seconds of the store's day since the start
        std::size_t kiosk;
        Task task;
        int step;
        Session session;
        bool operator>(const Due& other) const { return sim_t > other.sim_t; }
    };

    Clock::duration wall(double sim_s) const {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(sim_s / cx_.speed));
    }
    void push(Due d) {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push(std::move(d));
        wake_.notify_one();
    }

    // Steady state at t=0: random heartbeat and sync phases, sessions of the last minutes still
    // under way (their remaining calls scheduled) and their events not yet sent.
    void start_kiosk(std::size_t i) {
        Kiosk& k = *kiosks_[i];
        std::uniform_real_distribution<double> unit(0, 1);
        const double heartbeat_at = unit(k.rng) * kHeartbeatS;
        push({heartbeat_at, i, Task::Heartbeat, 0, {}});
        push({unit(k.rng) * kSyncS, i, Task::Sync, 0, {}});
        double t = -kStepS * kSessionSteps;
        for (t += next_arrival(k); t < 0; t += next_arrival(k)) {
            Session s = new_session(cx_, k, t);
            if (t >= heartbeat_at - kHeartbeatS) remember(k, s);
            for (int step = 0; step < kSessionSteps; ++step)
                if (t + step * kStepS >= 0 && wanted(s, step)) push({t + step * kStepS, i, Task::Step, step, s});
        }
        push({t, i, Task::Arrival, 0, {}});
    }
    double next_arrival(Kiosk& k) { return std::exponential_distribution<double>(kSessionsPerHour / 3600)(k.rng); }
    static bool wanted(const Session& s, int step) {
        return step < kAvailabilityCalls || (step == kAvailabilityCalls && s.quote) || (step > kAvailabilityCalls && s.order);
    }

    // A worker: sleeps until the earliest call is due (or the end), runs it, schedules what follows.
    void work() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            const auto now = Clock::now();
            if (now >= end_) return;
            if (queue_.empty()) {
                wake_.wait_until(lock, end_);
                continue;
            }
            const auto due = cx_.start + wall(queue_.top().sim_t);
            if (due > now) {
                wake_.wait_until(lock, std::min(due, end_));
                continue;
            }
            Due d = queue_.top();
            queue_.pop();
            lock.unlock();
            perform(d);
            lock.lock();
        }
    }

    void perform(const Due& d) {
        Kiosk& k = *kiosks_[d.kiosk];
        std::lock_guard<std::mutex> busy(k.busy);
        cx_.stats.lag(std::chrono::duration<double, std::milli>(Clock::now() - (cx_.start + wall(d.sim_t))).count());
        switch (d.task) {
        case Task::Heartbeat:
            heartbeat(cx_, k);
            push({d.sim_t + kHeartbeatS, d.kiosk, Task::Heartbeat, 0, {}});
            break;
        case Task::Sync:
            sync(cx_, k);
            push({d.sim_t + kSyncS, d.kiosk, Task::Sync, 0, {}});
            break;
        case Task::Arrival: {
            Session s = new_session(cx_, k, d.sim_t);
            remember(k, s);
            push({d.sim_t, d.kiosk, Task::Step, 0, std::move(s)});
            push({d.sim_t + next_arrival(k), d.kiosk, Task::Arrival, 0, {}});
            break;
        }
        case Task::Step:
            if (d.step < kAvailabilityCalls) availability(cx_, k);
            else if (d.step == kAvailabilityCalls) quote(cx_, k);
            else order(cx_, k);
            for (int next = d.step + 1; next < kSessionSteps; ++next)
                if (wanted(d.session, next)) {
                    push({d.sim_t + (next - d.step) * kStepS, d.kiosk, Task::Step, next, d.session});
                    break;
                }
            break;
        }
    }

    Context cx_;
    std::vector<std::unique_ptr<Kiosk>> kiosks_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> queue_;
    Clock::time_point end_;
};


}  // namespace

namespace fleet_sim {

double model_writes_per_kiosk_s() {
    const auto mix = write_mix();
    return mix[0] + mix[1] + mix[2];
}

// The full snapshot of the catalogue, page by page: {"cursor","pages","s"}. Throws on a failure.
json full_sync(int port, const std::string& token) {
    Stats stats;
    auto http = connect(port, token, true);
    const auto t0 = Clock::now();
    std::string cursor;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const Reply r = call(*http, stats, kSync, "/v1/catalog/changes?limit=1000" + (cursor.empty() ? "" : "&since=" + cursor), nullptr);
        const json doc = parse(r.body);
        if (!r.ok() || !doc.is_object() || !doc.value("next_cursor", json()).is_string())
            throw std::runtime_error("the initial full sync failed: " + std::to_string(r.status) + " " + r.body.substr(0, 300));
        cursor = doc["next_cursor"].get<std::string>();
        more = doc.value("has_more", false);
    }
    return {{"cursor", cursor}, {"pages", pages}, {"s", round2(std::chrono::duration<double>(Clock::now() - t0).count())}};
}

// setup: {"port","kiosks":[{"id","store","token"}],"skus":[{"sku","price"}],"cursor","seconds",
// "speed","seed","workers","keep_alive","label"}. Runs the fleet for `seconds` and returns
// {"wall_s","calls":{kind:{count,errors,calls_per_s,p50_ms,p99_ms,max_ms}},"scheduler_lag",
// "writes_per_kiosk_s","offered_writes_per_kiosk_s","writes_not_started"}: write calls made, and
// made or due but never started, per kiosk per second of the store's day.
json run_fleet_calls(const json& setup_json) {
    const Setup setup = read_setup(setup_json);
    Stats stats;
    const auto t0 = Clock::now();
    double missed = 0;
    {
        Fleet fleet(setup, stats);
        fleet.run(setup.seconds, setup.workers);
        missed = fleet.writes_not_started();
    }  // the kiosks' connections close here
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    stats.print_samples(setup.label.c_str());
    std::size_t writes = 0;
    for (std::size_t k = 0; k < kKinds; ++k)
        if (is_write(k)) writes += stats.count(k);
    const double kiosk_s = static_cast<double>(setup.kiosks.size()) * setup.seconds * setup.speed;
    return {{"wall_s", round2(wall)}, {"calls", stats.report(wall)}, {"scheduler_lag", stats.lag_report()},
            {"writes_per_kiosk_s", static_cast<double>(writes) / kiosk_s},
            {"offered_writes_per_kiosk_s", (static_cast<double>(writes) + missed) / kiosk_s},
            {"writes_not_started", std::round(missed)}};
}

// Writes only, as fast as one thread per kiosk of `setup` can post them (a connection per call
// unless keep_alive), in a kiosk's mix, for `seconds`: {"wall_s","calls"}.
json run_saturation_calls(const json& setup_json) {
    const Setup setup = read_setup(setup_json);
    const auto mix = write_mix();
    Stats stats;
    const auto t0 = Clock::now();
    const auto end = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(setup.seconds));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < setup.kiosks.size(); ++i)
        threads.emplace_back([&, i] {
            Kiosk k;
            k.cred = setup.kiosks[i];
            k.http = connect(setup.port, k.cred.token, setup.keep_alive);
            k.rng.seed(setup.seed + i);
            const Context cx{setup.skus, stats, 1, Clock::now(), std::chrono::system_clock::now()};
            std::discrete_distribution<int> pick(mix.begin(), mix.end());
            while (Clock::now() < end) {
                switch (pick(k.rng)) {
                case 0: heartbeat(cx, k); break;
                case 1: {
                    const json events = events_body({new_session(cx, k, 0)});
                    call(*k.http, stats, kEvents, "/v1/events", &events);
                    break;
                }
                default: order(cx, k);
                }
            }
        });
    for (auto& t : threads) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    stats.print_samples(setup.label.c_str());
    return {{"wall_s", round2(wall)}, {"calls", stats.report(wall)}};
}

}  // namespace fleet_sim
