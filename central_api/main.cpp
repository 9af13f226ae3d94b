// central-api: the reference server of the kiosk commerce API and its demo-retailer tools.
// Commands: serve, generate, tokens, staff, customers, mutate, report, kiosk-token, operator-token
// (see central_api/README.md).
// Any error is one line on stderr and a non-zero exit.

#include "central_api/catalog.hpp"
#include "central_api/db.hpp"
#include "central_api/demo/demo_secrets.hpp"
#include "central_api/demo/drawn_images.hpp"
#include "central_api/demo/generator.hpp"
#include "central_api/demo/mutate.hpp"
#include "central_api/credentials.hpp"
#include "central_api/report.hpp"
#include "central_api/server.hpp"

#include <CLI/CLI.hpp>
#include <sodium.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <thread>

using namespace central_api;

namespace {

[[noreturn]] void die(const std::string& message, int code = 1) {
    std::fprintf(stderr, "central-api: %s\n", message.c_str());
    std::exit(code);
}

bool split_listen(const std::string& listen, std::string& host, int& port) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    std::string p = listen.substr(colon + 1);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
    port = std::stoi(p);
    return port <= 65535;
}

void ensure_database(const std::string& db, std::int64_t products, std::uint64_t seed, bool fast, bool quiet) {
    std::error_code ec;
    if (std::filesystem::exists(db, ec)) return;
    GeneratorOptions options;
    options.products = products;
    options.seed = seed;
    options.fast_pin_hash = fast;
    if (!quiet) {
        std::fprintf(stderr, "central-api: generating the demo retailer (%lld products, seed %llu) into %s\n",
                     static_cast<long long>(products), static_cast<unsigned long long>(seed), db.c_str());
        options.progress = [](const std::string& line) { std::fprintf(stderr, "central-api: %s\n", line.c_str()); };
    }
    auto report = generate_demo(db, options, system_clock());
    if (!quiet)
        std::fprintf(stderr,
                     "central-api: generated %lld products, %lld variants, %lld stock rows, %lld customers "
                     "with %lld purchases in %.1f s\n",
                     static_cast<long long>(report.products), static_cast<long long>(report.variants),
                     static_cast<long long>(report.stock_rows), static_cast<long long>(report.customers),
                     static_cast<long long>(report.purchases), report.seconds);
}

std::unique_ptr<Db> open_existing(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw std::runtime_error("database " + path + " does not exist");
    auto db = std::make_unique<Db>(path, Db::Mode::ReadOnly);
    try {
        if (db->meta("schema_version")) return db;
    } catch (const DbError&) {
        // not SQLite, or SQLite without our tables: same answer below
    }
    throw std::runtime_error(path + " is not a central-api database");
}

// Read-write, for the commands that add operators: the schema must be this server's.
std::unique_ptr<Db> open_for_writing(const std::string& path) {
    open_existing(path);  // exists and is ours
    auto db = std::make_unique<Db>(path, Db::Mode::ReadWrite);
    auto version = db->meta("schema_version");
    if (!version || *version != std::to_string(kSchemaVersion))
        throw std::runtime_error(path + " has schema version " + version.value_or("?") + ", this program needs " +
                                 std::to_string(kSchemaVersion));
    add_later_tables(*db);
    return db;
}

int report(const std::string& path, const std::string& since_text, bool as_json) {
    const std::int64_t now = system_clock()();
    const auto since = parse_report_date(since_text.empty() ? default_report_date(now) : since_text);
    if (!since) die("--since must be a date, YYYY-MM-DD; got '" + since_text + "'", 2);
    auto db = open_existing(path);
    const json r = fleet_report(*db, *since, now);
    if (as_json) std::printf("%s\n", r.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    else std::fputs(report_text(r).c_str(), stdout);
    return 0;
}

int kiosk_token(const std::string& path, const std::string& kiosk, const std::string& store, bool remove) {
    auto db = open_for_writing(path);
    if (remove) {
        if (!remove_kiosk(*db, kiosk)) die("no kiosk " + kiosk);
        std::fprintf(stderr, "central-api: kiosk %s removed: its token no longer works\n", kiosk.c_str());
        return 0;
    }
    const std::string token = set_kiosk_token(*db, kiosk, store);
    std::fprintf(stderr, "central-api: new token for kiosk %s (any previous one stops working now); shown once\n", kiosk.c_str());
    std::printf("%s\n", token.c_str());
    return 0;
}

int operator_token(const std::string& path, const std::string& label, const std::string& revoke, bool list) {
    auto db = open_for_writing(path);
    if (list) {
        for (const auto& o : list_operators(*db))
            std::printf("%s %s %s\n", o.id.c_str(), rfc3339_paris(o.created_at).c_str(), o.label.c_str());
        return 0;
    }
    if (!revoke.empty()) {
        if (!revoke_operator(*db, revoke)) die("no operator " + revoke);
        std::fprintf(stderr, "central-api: operator %s revoked, its /ops sessions closed\n", revoke.c_str());
        return 0;
    }
    const OperatorToken t = create_operator(*db, label, system_clock()());
    std::fprintf(stderr, "central-api: operator %s created; the token is shown once, keep it safe\n", t.id.c_str());
    std::printf("%s %s\n", t.id.c_str(), t.token.c_str());
    return 0;
}

int serve(const std::string& db, const std::string& listen, std::int64_t products, std::uint64_t seed,
          bool fast, std::size_t threads, const std::string& public_url, const std::string& shop_url, double rate,
          const std::string& snapshots) {
    ServerOptions options;
    if (!split_listen(listen, options.host, options.port)) die("--listen must be HOST:PORT, got '" + listen + "'", 2);
    ensure_database(db, products, seed, fast, false);
    options.db_path = db;
    options.threads = threads;
    options.public_url = public_url;
    options.snapshot_dir = snapshots;
    if (!shop_url.empty()) options.shop_url = shop_url;
    options.rate_per_s = rate;
    options.rate_burst = rate * 5;
    options.image_source = drawn_images();  // the demo retailer's pictures, drawn on request

    // Signals are taken by one thread with sigwait, so SIGINT/SIGTERM stop the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Server server(options);
    server.bind();
    std::thread watcher([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig != 0) server.stop();
    });
    std::printf("listening on %s\n", server.url().c_str());
    std::fflush(stdout);
    bool ok = server.run();
    // Wake the watcher if the server stopped on its own.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    if (!ok) die("the listener stopped unexpectedly");
    std::fprintf(stderr, "central-api: stopped\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"central-api: reference server of the kiosk commerce API, with its demo retailer"};
    app.require_subcommand(1);
    std::string db, listen = "127.0.0.1:0", public_url, shop_url, snapshots;
    std::int64_t products = 20000, limit = 20;
    std::uint64_t seed = 42;
    std::size_t threads = 16;
    double percent = 1, rate = 200;
    std::uint64_t mutate_seed = 1;
    bool fast = false;

    auto* serve_cmd = app.add_subcommand("serve", "create the demo database if missing, then serve the API");
    serve_cmd->add_option("--db", db, "SQLite database file")->required();
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (port 0 picks a free port)");
    serve_cmd->add_option("--products", products, "products to generate when creating the database")->check(CLI::Range(1, 10000000));
    serve_cmd->add_option("--seed", seed, "generator seed");
    serve_cmd->add_option("--threads", threads, "HTTP worker threads")->check(CLI::Range(1, 256));
    serve_cmd->add_option("--public-url", public_url, "base URL for payment and hand-off links (default: the listening URL)");
    serve_cmd->add_option("--shop-url", shop_url, "the retailer's web shop, linked from hand-off pages (default https://www.maison-lumiere.example)");
    serve_cmd->add_option("--rate-limit", rate, "requests per second per kiosk (burst: 5 s worth); 0 disables")->check(CLI::Range(0.0, 1e6));
    serve_cmd->add_flag("--fast-pin-hash", fast, "cheapest argon2id parameters (tests only)");
    serve_cmd->add_option("--snapshots", snapshots, "serve the replica snapshots of this directory (kioskctl snapshot DIR)");

    auto* gen_cmd = app.add_subcommand("generate", "create the demo database and exit");
    gen_cmd->add_option("--db", db, "SQLite database file (must not exist)")->required();
    gen_cmd->add_option("--products", products, "products to generate")->check(CLI::Range(1, 10000000));
    gen_cmd->add_option("--seed", seed, "generator seed");
    gen_cmd->add_flag("--fast-pin-hash", fast, "cheapest argon2id parameters (tests only)");

    auto* tokens_cmd = app.add_subcommand("tokens", "list kiosks: STORE_ID KIOSK_ID TOKEN");
    tokens_cmd->add_option("--db", db, "SQLite database file")->required();
    auto* staff_cmd = app.add_subcommand("staff", "list demo staff: STAFF_ID STORE_ID PIN NAME");
    staff_cmd->add_option("--db", db, "SQLite database file")->required();
    auto* customers_cmd = app.add_subcommand("customers", "list demo loyalty cards: CARD NAME");
    customers_cmd->add_option("--db", db, "SQLite database file")->required();
    customers_cmd->add_option("--limit", limit, "how many")->check(CLI::Range(1, 1000000));
    auto* mutate_cmd = app.add_subcommand("mutate", "change P % of the products and move stock");
    mutate_cmd->add_option("--db", db, "SQLite database file")->required();
    mutate_cmd->add_option("--percent", percent, "share of products to change, 0 < P <= 100")->required();
    mutate_cmd->add_option("--seed", mutate_seed, "randomness of this run");

    std::string since_text, label = "operator", revoke;
    bool as_json = false, list = false;
    auto* report_cmd = app.add_subcommand("report", "the fleet and contribution report");
    report_cmd->add_option("--db", db, "SQLite database file")->required();
    report_cmd->add_option("--since", since_text, "first day of the period, YYYY-MM-DD (default: 30 days ago)");
    report_cmd->add_flag("--json", as_json, "the report as JSON (as GET /v1/reports/kiosks)");
    std::string kiosk_id, store_id;
    bool remove = false;
    auto* kiosk_cmd = app.add_subcommand("kiosk-token", "a new kiosk, or a new token for one (prints the token)");
    kiosk_cmd->add_option("--db", db, "SQLite database file")->required();
    kiosk_cmd->add_option("--kiosk", kiosk_id, "the kiosk's id, e.g. k-paris-rivoli-2")->required();
    kiosk_cmd->add_option("--store", store_id, "its store (required for a new kiosk)");
    kiosk_cmd->add_flag("--remove", remove, "remove the kiosk: its token stops working");
    auto* operator_cmd = app.add_subcommand("operator-token", "create an operator token (prints: ID TOKEN), or list or revoke");
    operator_cmd->add_option("--db", db, "SQLite database file")->required();
    operator_cmd->add_option("--label", label, "whose token it is (shown by --list)");
    operator_cmd->add_option("--revoke", revoke, "remove the operator with this id and close its sessions");
    operator_cmd->add_flag("--list", list, "list operators: ID CREATED LABEL");

    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        for (const auto* sub : app.get_subcommands({}))
            known = known || sub->get_name() == argv[1];
        if (!known) die(std::string("unknown command '") + argv[1] + "' (commands: serve, generate, tokens, staff, customers, mutate, report, kiosk-token, operator-token)", 2);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string what = e.what();
        for (char& c : what)
            if (c == '\n') c = ' ';
        die(what + " (see central-api --help)", 2);
    }

    if (sodium_init() < 0) die("cannot initialise libsodium");
    try {
        if (*serve_cmd) return serve(db, listen, products, seed, fast, threads, public_url, shop_url, rate, snapshots);
        if (*gen_cmd) {
            std::error_code ec;
            if (std::filesystem::exists(db, ec)) die("database " + db + " already exists");
            ensure_database(db, products, seed, fast, false);
            return 0;
        }
        // Tokens and PINs are derived from FILE.demo-secrets: the database holds only their hashes.
        if (*tokens_cmd) {
            for (const auto& k : demo_kiosks(db))
                std::printf("%s %s %s\n", k.store_id.c_str(), k.kiosk_id.c_str(), k.token.c_str());
            return 0;
        }
        if (*staff_cmd) {
            for (const auto& s : demo_staff(db))
                std::printf("%s %s %s %s\n", s.staff_id.c_str(), s.store_id.c_str(), s.pin.c_str(), s.name.c_str());
            return 0;
        }
        if (*customers_cmd) {
            auto d = open_existing(db);
            auto st = d->prepare("SELECT card, name FROM customers ORDER BY rowid LIMIT ?");
            st.bind(1, limit);
            while (st.step()) std::printf("%s %s\n", st.text(0).c_str(), st.text(1).c_str());
            return 0;
        }
        if (*report_cmd) return report(db, since_text, as_json);
        if (*kiosk_cmd) return kiosk_token(db, kiosk_id, store_id, remove);
        if (*operator_cmd) return operator_token(db, label, revoke, list);
        if (*mutate_cmd) {
            auto r = mutate_catalog(db, percent, mutate_seed, system_clock());
            std::printf("mutated: %lld price changes, %lld text changes, %lld deletions, %lld new products, %lld stock moves\n",
                        static_cast<long long>(r.price_changes), static_cast<long long>(r.text_changes),
                        static_cast<long long>(r.deletions), static_cast<long long>(r.additions),
                        static_cast<long long>(r.stock_moves));
            return 0;
        }
    } catch (const std::exception& e) {
        die(e.what());
    }
    return 0;
}
