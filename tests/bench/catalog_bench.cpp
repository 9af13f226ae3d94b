// catalog_bench: the catalog_client figures of ../shared/design/quality-bars.md, printed as a
// table. Against a running reference server:
//   catalog_bench --api URL --token-file FILE [--db DEMO.db] [--queries 1000] [--replica DIR]
//                 [--snapshots DIR] [--search-only 1] [--slowest N] [--judged FILE] [--synonyms FILE]
// 1. full sync from the feed into an empty replica (time, products, replica size on disk);
//    with --snapshots DIR (the directory the server serves: central-api serve --snapshots DIR),
//    the snapshot is built from that replica (as `kioskctl snapshot` does) and a second, empty
//    replica makes its first sync from it (download, check, install, delta): the kiosk's figure;
// 2. with --db: `mutate --percent 1` on that database, then the delta sync (time);
// 3. search: replays N typed queries prefix by prefix (every keystroke) and reports the time to
//    the ranked top 50: p50 / p95 / p99 / max.
// A --replica DIR given is emptied first and left in place at the end.
// --search-only 1 skips 1 and 2 and searches the replica already in --replica DIR (kept);
// --slowest N lists the N slowest keystrokes on stderr.
// 4. search quality: the judged query set (tests/catalog_client/judged_queries.tsv, or --judged
//    FILE) run with the shipped synonyms (assets/search/synonyms.txt, or --synonyms FILE):
//    zero-result rate, success@10 and nDCG@10, overall and by kind; the queries that miss are
//    listed on stderr.
#include "catalog_client/api.hpp"
#include "central_api/demo/mutate.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"
#include "catalog_client/snapshot.hpp"
#include "catalog_client/synonyms.hpp"
#include "judged_search.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <time.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace catalog_client;
using Clock = std::chrono::steady_clock;

namespace {

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of the calling thread: on a shared machine, wall time also counts waiting for a core.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

std::uintmax_t dir_bytes(const std::string& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

// Where a sync's time went (SyncTimes), as a table.
void print_times(const char* title, const SyncReport& r) {
    const SyncTimes& t = r.times;
    std::printf("\n%s: %.1f s, %lld pages, %.1f MB of pages received (%.0f bytes a product)\n\n| step | seconds | share |\n|---|---|---|\n",
                title, r.seconds, static_cast<long long>(r.pages), static_cast<double>(t.bytes) / 1e6,
                r.upserts ? static_cast<double>(t.bytes) / static_cast<double>(r.upserts) : 0.0);
    const std::pair<const char*, double> steps[] = {
        {"waiting for the next page (server, transfer, parse) or its words", t.waiting},
        {"  parsing, on the network thread (overlapped with writing)", t.parse},
        {"  the words of each product, on a worker thread (overlapped with writing)", t.words},
        {"new vocabulary rows, each product's rows prepared", t.vocabulary},
        {"reading what a product had (delta)", t.compare},
        {"product documents (products rows)", t.documents},
        {"variants and categories rows", t.rows},
        {"full-text index rows", t.search},
        {"page commits", t.commits},
        {"indexes by code, built at the end", t.code_indexes},
        {"full-text index merged (optimize)", t.optimize},
        {"switch to WAL, checkpoint, fsync, pointer", t.finish},
    };
    double counted = 0;
    for (const auto& [name, seconds] : steps) {
        if (name[0] != ' ') counted += seconds;
        std::printf("| %s | %.2f | %.0f %% |\n", name, seconds, r.seconds > 0 ? 100 * seconds / r.seconds : 0.0);
    }
    std::printf("| the rest (reference data, deletions, bookkeeping) | %.2f | %.0f %% |\n", r.seconds - counted,
                r.seconds > 0 ? 100 * (r.seconds - counted) / r.seconds : 0.0);
}

// Where the replica's bytes are: SQLite's pages by table and index (the dbstat table), and the
// stored product documents' text.
void print_sizes(const std::string& path) {
    Db db(path, Db::Mode::ReadOnly);
    auto st = db.prepare("SELECT name, SUM(pgsize), SUM(payload) FROM dbstat GROUP BY name ORDER BY 2 DESC");
    std::printf("\n| table or index | MB on disk | MB of payload |\n|---|---|---|\n");
    while (st.step())
        std::printf("| %s | %.1f | %.1f |\n", st.text(0).c_str(), static_cast<double>(st.integer(1)) / 1e6,
                    static_cast<double>(st.integer(2)) / 1e6);
    auto docs = db.prepare("SELECT COUNT(*), AVG(LENGTH(doc)), SUM(LENGTH(doc)) FROM products");
    docs.step();
    auto dictionary = db.prepare("SELECT LENGTH(bytes) FROM dictionary");
    std::printf("\nproduct documents as stored: %lld, %.0f bytes each on average, %.1f MB in all (dictionary: %lld bytes)\n",
                static_cast<long long>(docs.integer(0)), docs.real(1), static_cast<double>(docs.integer(2)) / 1e6,
                static_cast<long long>(dictionary.step() ? dictionary.integer(0) : 0));
}

}  // namespace

int main(int argc, char** argv) {
    std::string api_url, token_file, db, replica_dir, snapshot_dir;
    std::string judged_file = std::string(KIOSK_SOURCE_DIR) + "/tests/catalog_client/judged_queries.tsv";
    std::string synonyms_file = std::string(KIOSK_SOURCE_DIR) + "/assets/search/synonyms.txt";
    int queries = 1000, slowest = 0;
    bool search_only = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--api") api_url = value;
        else if (flag == "--token-file") token_file = value;
        else if (flag == "--db") db = value;
        else if (flag == "--queries") queries = std::atoi(value.c_str());
        else if (flag == "--replica") replica_dir = value;
        else if (flag == "--snapshots") snapshot_dir = value;
        else if (flag == "--search-only") search_only = value == "1";
        else if (flag == "--slowest") slowest = std::atoi(value.c_str());
        else if (flag == "--judged") judged_file = value;
        else if (flag == "--synonyms") synonyms_file = value;
        else {
            std::fprintf(stderr, "catalog_bench: unknown flag %s\n", flag.c_str());
            return 2;
        }
    }
    if (search_only && replica_dir.empty()) {
        std::fprintf(stderr, "catalog_bench: --search-only needs --replica DIR\n");
        return 2;
    }
    if (api_url.empty() || token_file.empty()) {
        std::fprintf(stderr, "catalog_bench: usage: catalog_bench --api URL --token-file FILE [--db DEMO.db] [--queries N] [--replica DIR]\n");
        return 2;
    }
    std::string token;
    std::ifstream(token_file) >> token;
    const bool keep_replica = !replica_dir.empty();  // a directory given is left in place at the end
    if (replica_dir.empty()) replica_dir = (std::filesystem::temp_directory_path() / ("catalog-bench-" + std::to_string(::getpid()))).string();
    if (!search_only) std::filesystem::remove_all(replica_dir);

    TransportOptions options;
    options.bearer_token = token;
    Transport transport(options);
    CommerceApi api(transport, api_url);
    Replica replica(replica_dir);

    std::printf("machine: %s, %u cores, load average %s\n", cpu_model().c_str(), std::thread::hardware_concurrency(),
                load_average().c_str());
    if (search_only) {
        std::printf("catalogue: %lld products (replica %s)\n\n| figure | value | bar |\n|---|---|---|\n",
                    static_cast<long long>(replica.status().products), replica_dir.c_str());
    } else {
    const std::string feed_dir = snapshot_dir.empty() ? replica_dir : replica_dir + ".feed";
    std::filesystem::remove_all(feed_dir);
    Replica from_feed(feed_dir);
    from_feed.set_snapshots(false);
    auto t0 = Clock::now();
    auto full = from_feed.sync(api, 1000);
    double full_ms = ms_since(t0);
    if (!full.ok()) {
        std::fprintf(stderr, "catalog_bench: full sync failed: %s\n", describe(full.error()).c_str());
        return 1;
    }
    auto status = from_feed.status();
    std::printf("catalogue: %lld products\n\n", static_cast<long long>(status.products));
    std::printf("| figure | value | bar |\n|---|---|---|\n");
    std::printf("| full sync from the feed into an empty replica | %.1f s (%lld pages) | %s |\n", full_ms / 1000,
                static_cast<long long>(full.value().pages), snapshot_dir.empty() ? "<= 60 s" : "(the snapshot builder's)");
    std::printf("| replica size on disk | %.1f MB | <= 1 500 MB at 1 000 000 products |\n", static_cast<double>(dir_bytes(feed_dir)) / 1e6);
    print_times("full sync from the feed, step by step", full.value());
    print_sizes(from_feed.db_path());
    std::printf("\n| figure | value | bar |\n|---|---|---|\n");
    std::fflush(stdout);
    if (!snapshot_dir.empty()) {
        auto b0 = Clock::now();
        auto built = write_snapshot(from_feed.db_path(), snapshot_dir);
        const double build_ms = ms_since(b0);
        if (!built.ok()) {
            std::fprintf(stderr, "catalog_bench: snapshot: %s\n", describe(built.error()).c_str());
            return 1;
        }
        std::filesystem::remove_all(feed_dir);
        auto s0 = Clock::now();
        auto boot = replica.sync(api, 1000);
        const double boot_ms = ms_since(s0);
        if (!boot.ok() || !boot.value().snapshot) {
            std::fprintf(stderr, "catalog_bench: first sync from the snapshot failed: %s\n",
                         boot.ok() ? boot.value().snapshot_skipped.c_str() : describe(boot.error()).c_str());
            return 1;
        }
        const SyncTimes& t = boot.value().times;
        std::printf("| snapshot built (compressed, hashed; once per catalogue version, server side) | %.1f s, %.1f MB for a %.1f MB replica | |\n",
                    build_ms / 1000, static_cast<double>(built.value().bytes) / 1e6, static_cast<double>(built.value().db_bytes) / 1e6);
        std::printf("| **first sync into an empty replica, from the snapshot** | **%.1f s** (received and hashed %.1f s, "
                    "decompressed and checked %.1f s, delta %lld upserts %.1f s) | <= 60 s |\n",
                    boot_ms / 1000, t.snapshot_download, t.snapshot_install, static_cast<long long>(boot.value().upserts),
                    boot_ms / 1000 - t.snapshot_download - t.snapshot_install);
        std::printf("| replica size on disk | %.1f MB | <= 1 500 MB at 1 000 000 products |\n", static_cast<double>(dir_bytes(replica_dir)) / 1e6);
        std::fflush(stdout);
    }

    if (!db.empty()) {
        auto m0 = Clock::now();
        auto report = central_api::mutate_catalog(db, 1, static_cast<std::uint64_t>(std::time(nullptr)), [] {
            return static_cast<std::int64_t>(std::time(nullptr));
        });
        double mutate_ms = ms_since(m0);
        auto t1 = Clock::now();
        auto delta = replica.sync(api, 1000);
        double delta_ms = ms_since(t1);
        if (!delta.ok()) {
            std::fprintf(stderr, "catalog_bench: delta sync failed: %s\n", describe(delta.error()).c_str());
            return 1;
        }
        std::printf("| delta sync after mutate --percent 1 (%lld changes, mutate took %.1f s) | %.2f s | <= 3 s |\n",
                    static_cast<long long>(report.price_changes + report.text_changes + report.deletions + report.additions),
                    mutate_ms / 1000, delta_ms / 1000);
        print_times("delta sync, step by step", delta.value());
        std::printf("\n| figure | value | bar |\n|---|---|---|\n");
        std::fflush(stdout);
    }
    }

    // Queries: the first one to three words of product names, typed letter by letter.
    Replica::Reader reader(replica);
    std::vector<std::string> typed;
    {
        // Picking sample products is the benchmark's own business: its own read-only connection.
        Db own(replica.db_path(), Db::Mode::ReadOnly);
        Db* d = &own;
        // The same products for the same replica, run after run (figures comparable).
        auto max_rowid = d->prepare("SELECT MAX(rowid) FROM products");
        max_rowid.step();
        const auto top = static_cast<std::uint32_t>(max_rowid.integer(0));
        auto st = d->prepare("SELECT doc FROM products WHERE rowid >= ? ORDER BY rowid LIMIT 1");
        DocCodec codec = document_codec(*d);
        std::mt19937 rng(7);
        for (int picked = 0; picked < queries && top > 0; ++picked) {
            st.bind(1, static_cast<std::int64_t>(1 + rng() % top));
            auto text = st.step() ? codec.read(st.blob_view(0)) : std::nullopt;
            auto p = parse_product(json::parse(text ? *text : std::string("{}"), nullptr, false));
            st.reset();
            if (!p.ok()) continue;
            auto words = words_of(p.value().name.text(rng() % 2 ? "fr" : "en"));
            std::size_t n = std::min<std::size_t>(words.size(), 1 + rng() % 3);
            std::string q;
            for (std::size_t i = 0; i < n; ++i) q += (i ? " " : "") + words[i];
            typed.push_back(q);
        }
    }
    Search search(reader);
    auto synonyms = std::make_shared<Synonyms>();
    if (auto err = load_synonyms(synonyms_file, *synonyms)) {
        std::fprintf(stderr, "catalog_bench: %s\n", err->c_str());
        return 1;
    }
    search.set_synonyms(synonyms);
    std::vector<double> keystrokes, keystrokes_cpu;
    std::vector<std::pair<double, std::string>> slow;
    for (const auto& q : typed) {
        for (std::size_t len = 1; len <= q.size(); ++len) {
            if (q[len - 1] == ' ') continue;
            SearchQuery sq;
            sq.text = q.substr(0, len);
            sq.limit = 50;
            auto k0 = Clock::now();
            double c0 = thread_cpu_ms();
            auto page = search.run(sq);
            keystrokes.push_back(ms_since(k0));
            keystrokes_cpu.push_back(thread_cpu_ms() - c0);
            if (slowest > 0) slow.emplace_back(keystrokes.back(), sq.text + " (" + std::to_string(page.total) + (page.total_is_lower_bound ? "+" : "") + ")");
        }
    }
    std::printf("| search keystroke to top 50 (%zu keystrokes, %zu queries): p50 / p95 / p99 / max | %.2f / %.2f / %.2f / %.1f ms | p99 <= 10 ms |\n",
                keystrokes.size(), typed.size(), percentile(keystrokes, 0.50), percentile(keystrokes, 0.95),
                percentile(keystrokes, 0.99), percentile(keystrokes, 1.0));
    std::printf("| the same in CPU time of the searching thread (without waits for a core) | %.2f / %.2f / %.2f / %.1f ms | |\n",
                percentile(keystrokes_cpu, 0.50), percentile(keystrokes_cpu, 0.95), percentile(keystrokes_cpu, 0.99),
                percentile(keystrokes_cpu, 1.0));
    std::fflush(stdout);

    std::vector<judged::JudgedQuery> judged_set;
    try {
        judged_set = judged::load(judged_file);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "catalog_bench: %s\n", e.what());
        return 1;
    }
    auto q0 = Clock::now();
    const judged::Report quality = judged::evaluate(replica, search, judged_set);
    const auto& all = quality.all;
    std::printf("| judged queries answered by this catalogue (judging took %.1f s) | %d of %d | |\n", ms_since(q0) / 1000,
                all.answered, all.queries);
    std::printf("| zero-result rate on answered queries | %.1f %% | 0 %% |\n", 100 * all.zero_rate());
    std::printf("| success@10 (a relevant product in the top 10) | %.1f %% | >= 95 %% |\n", 100 * all.success_at_10());
    std::printf("| nDCG@10 | %.3f | |\n", all.ndcg_at_10());
    std::printf("\n| kind | queries (answered) | zero results | success@10 | nDCG@10 |\n|---|---|---|---|---|\n");
    for (const auto& [kind, f] : quality.by_kind)
        std::printf("| %s | %d (%d) | %d | %.1f %% | %.3f |\n", kind.c_str(), f.queries, f.answered, f.zero,
                    100 * f.success_at_10(), f.ndcg_at_10());
    for (const auto& miss : quality.misses) std::fprintf(stderr, "miss: %s\n", miss.c_str());
    for (const auto& u : quality.unanswered) std::fprintf(stderr, "unanswered by this catalogue: %s\n", u.c_str());
    std::printf("\nload average at the end: %s\n", load_average().c_str());
    std::sort(slow.rbegin(), slow.rend());
    for (std::size_t i = 0; i < slow.size() && i < static_cast<std::size_t>(slowest); ++i)
        std::fprintf(stderr, "%8.2f ms  %s\n", slow[i].first, slow[i].second.c_str());
    if (!keep_replica) std::filesystem::remove_all(replica_dir);
    return 0;
}
