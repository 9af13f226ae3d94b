// fleet_sim's bootstrap comparison (fleet_sim.cpp, --bootstrap-db): N kiosks starting from an
// empty replica at the same moment, against one server, for a bounded time, either today's way
// (the whole feed, page after page, as a kiosk's full sync asks for it) or the new way (the
// snapshot manifest, then the snapshot file). The kiosks only receive: a real kiosk parses and
// writes as it goes, so it asks the server less often than these do; this is the server's worst
// case. Each kiosk is a thread with its own kept-alive connection.
#include "fleet_sim.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// What the kiosks did, shared by their threads.
struct Tally {
    std::atomic<std::uint64_t> bytes{0};  // bodies received (what the server sent)
    std::atomic<std::int64_t> done{0};    // kiosks that received everything
    std::mutex mutex;
    std::vector<double> progress;  // per kiosk, 0..1 of its bootstrap
    std::int64_t errors = 0;
    std::string first_error;

    void error(const std::string& what) {
        std::lock_guard<std::mutex> lock(mutex);
        if (errors++ == 0) first_error = what;
    }
};

// Holds the kiosks until all are connected, then lets them go together.
class StartGate {
public:
    void wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        open_cv_.wait(lock, [&] { return open_; });
    }
    void open() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            open_ = true;
        }
        open_cv_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable open_cv_;
    bool open_ = false;
};

std::unique_ptr<httplib::Client> client(int port, const std::string& token) {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
    c->set_keep_alive(true);
    c->set_tcp_nodelay(true);
    c->set_bearer_token_auth(token.c_str());
    c->set_connection_timeout(30);
    c->set_read_timeout(600);  // a kiosk may wait long for one of the server's workers
    return c;
}

// The page's cursor and whether more follow, found as text: the server writes them after the
// changes (central_api/catalog.cpp), and no product document holds these keys.
bool page_end(const std::string& body, std::string& cursor, bool& more) {
    const std::string key = "\"next_cursor\":\"";
    const auto at = body.rfind(key);
    if (at == std::string::npos) return false;
    const auto end = body.find('"', at + key.size());
    if (end == std::string::npos) return false;
    cursor = body.substr(at + key.size(), end - at - key.size());
    more = body.find("\"has_more\":true", end) != std::string::npos;
    return true;
}

// Today's way: pages of 1 000 from the start of the feed until the end or the deadline.
// `deadline` is read once the gate is open (it is set before).
double feed_kiosk(int port, const std::string& token, std::int64_t total_pages, const Clock::time_point& deadline,
                  StartGate& gate, Tally& tally) {
    auto http = client(port, token);
    gate.wait();
    std::string cursor;
    std::int64_t pages = 0;
    for (bool more = true; more && Clock::now() < deadline;) {
        const std::string path = "/v1/catalog/changes?limit=1000" + (cursor.empty() ? "" : "&since=" + cursor);
        auto r = http->Get(path.c_str());
        // Written into a kept-alive connection the server closed at that instant: it never got
        // there; sent again on a fresh connection, as libcurl does (fleet_sim_calls.cpp).
        if (!r && r.error() == httplib::Error::Write) r = http->Get(path.c_str());
        if (!r || r->status != 200) {
            tally.error(r ? "feed page: status " + std::to_string(r->status) : "feed page: " + httplib::to_string(r.error()));
            break;
        }
        tally.bytes += r->body.size();
        if (!page_end(r->body, cursor, more)) {
            tally.error("feed page without next_cursor");
            break;
        }
        ++pages;
        if (!more) ++tally.done;
    }
    return std::min(1.0, static_cast<double>(pages) / static_cast<double>(std::max<std::int64_t>(total_pages, 1)));
}

// The new way: the manifest, then the file, received and dropped until the end or the deadline.
double snapshot_kiosk(int port, const std::string& token, const Clock::time_point& deadline, StartGate& gate, Tally& tally) {
    auto http = client(port, token);
    gate.wait();
    auto m = http->Get("/v1/catalog/snapshot");
    if (!m || m->status != 200) {
        tally.error(m ? "manifest: status " + std::to_string(m->status) : "manifest: " + httplib::to_string(m.error()));
        return 0;
    }
    tally.bytes += m->body.size();
    const json manifest = json::parse(m->body, nullptr, false);
    if (!manifest.is_object() || !manifest.value("url", json()).is_string() || !manifest.value("bytes", json()).is_number_unsigned()) {
        tally.error("manifest: not one");
        return 0;
    }
    const std::string url = manifest["url"];
    const auto size = manifest["bytes"].get<std::uint64_t>();
    std::uint64_t got = 0;
    auto r = http->Get(url.c_str(), [&](const char*, std::size_t n) {
        got += n;
        tally.bytes += n;
        return Clock::now() < deadline;
    });
    if (got == size) ++tally.done;
    else if (!r && r.error() != httplib::Error::Canceled) tally.error("snapshot file: " + httplib::to_string(r.error()));
    else if (r && r->status != 200) tally.error("snapshot file: status " + std::to_string(r->status));
    return size > 0 ? static_cast<double>(got) / static_cast<double>(size) : 0.0;
}

double round2(double v) { return std::round(v * 100) / 100; }

}  // namespace

namespace fleet_sim {

json run_bootstrap_calls(const json& setup) {
    const int port = setup["port"];
    const std::string way = setup["way"];
    const double seconds = setup["seconds"];
    const std::int64_t total_pages = setup["feed_pages"];
    const json& kiosks = setup["kiosks"];
    Tally tally;
    tally.progress.assign(kiosks.size(), 0.0);
    StartGate gate;
    std::vector<std::thread> threads;
    Clock::time_point deadline{};  // set before the gate opens, read by the kiosks after
    for (std::size_t i = 0; i < kiosks.size(); ++i) {
        const std::string token = kiosks[i]["token"];
        threads.emplace_back([&, i, token] {
            const double p = way == "feed" ? feed_kiosk(port, token, total_pages, deadline, gate, tally)
                                           : snapshot_kiosk(port, token, deadline, gate, tally);
            std::lock_guard<std::mutex> lock(tally.mutex);
            tally.progress[i] = p;
        });
    }
    const auto t0 = Clock::now();
    deadline = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    gate.open();
    for (auto& t : threads) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    double mean = 0;
    for (double p : tally.progress) mean += p;
    mean /= static_cast<double>(std::max<std::size_t>(tally.progress.size(), 1));
    if (tally.errors > 0)
        std::fprintf(stderr, "fleet_sim: bootstrap (%s): %lld errors, the first: %s\n", way.c_str(),
                     static_cast<long long>(tally.errors), tally.first_error.c_str());
    return {{"way", way},
            {"wall_s", round2(wall)},
            {"bytes", tally.bytes.load()},
            {"mb_per_s", round2(static_cast<double>(tally.bytes.load()) / 1e6 / wall)},
            {"kiosks_done", tally.done.load()},
            {"mean_progress", mean},
            {"errors", tally.errors}};
}

}  // namespace fleet_sim
