// kioskctl: the operators' command line over catalog_client: sync the replica, search it, look
// up products and codes, live stock, quotes, orders through the outbox, and health.
// Usage: kioskctl [--config FILE] [--api URL] [--token-file FILE] [--replica DIR] [--outbox DIR] [--json] COMMAND
// Errors are one line on stderr ("kioskctl: ...") and a non-zero exit.

#include "catalog_client/api.hpp"
#include "catalog_client/json_bounded.hpp"
#include "kiosk/config.hpp"
#include "kiosk/backend.hpp"
#include "kiosk/kioskctl_config.hpp"
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/snapshot.hpp"
#include "catalog_client/search.hpp"
#include "catalog_client/synonyms.hpp"
#include "catalog_client/test_hooks.hpp"
#include "catalog_client/usage_log.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_set>

using namespace catalog_client;

namespace {

[[noreturn]] void die(const std::string& message, int code = 1) {
    std::fprintf(stderr, "kioskctl: %s\n", message.c_str());
    std::exit(code);
}

std::string euros(const Money& m) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld.%02lld %s", static_cast<long long>(m.amount / 100),
                  static_cast<long long>(m.amount % 100), m.currency.c_str());
    return buf;
}

void print(bool as_json, const json& doc, const std::string& text) {
    if (as_json) std::cout << doc.dump(2) << "\n";
    else std::cout << text;
}

json hit_json(Replica::Reader& reader, const SearchHit& hit, const SearchPage& page, const std::string& lang) {
    json out = {{"product_id", hit.product_id}, {"match", static_cast<int>(hit.match)}};
    if (!hit.sku.empty()) out["sku"] = hit.sku;
    if (auto p = reader.product(hit.product_id)) {
        // The variant the kiosk would open: the one scanned, else the one the words name.
        if (hit.sku.empty())
            if (std::string sku = variant_matching(*p, page); !sku.empty()) out["sku"] = sku;
        out["name"] = p->name.text(lang);
        out["brand"] = p->brand;
        out["from_price"] = p->variants.empty() ? 0 : p->variants[0].online_price.amount;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kioskctl: operate an endless-aisle kiosk's connection to the commerce API"};
    app.require_subcommand(1);
    std::string config_file, api_flag, token_flag, replica_flag, outbox_flag, lang = "fr";
    bool as_json = false;
    app.add_option("--config", config_file, "TOML config ([api] url, token_file, ca_bundle; [storage] replica_dir, outbox_dir)");
    app.add_option("--api", api_flag, "API base URL (overrides the config)");
    app.add_option("--token-file", token_flag, "file holding the kiosk token (overrides the config)");
    app.add_option("--replica", replica_flag, "replica directory (overrides the config)");
    app.add_option("--outbox", outbox_flag, "outbox directory (overrides the config)");
    app.add_option("--lang", lang, "language of names: fr or en");
    app.add_flag("--json", as_json, "print one JSON document");

    auto* sync_cmd = app.add_subcommand("sync", "bring the local replica up to date");
    bool no_snapshot = false;
    sync_cmd->add_flag("--no-snapshot", no_snapshot, "build from the feed even when the server offers a snapshot");
    std::string snapshot_dir;
    auto* snapshot_cmd = app.add_subcommand("snapshot", "build the fleet's replica snapshot in DIR (central-api serve --snapshots DIR)");
    snapshot_cmd->add_option("dir", snapshot_dir, "directory of the snapshots (its replica/ is kept for the next build)")->required();
    std::string query;
    int limit = 20;
    auto* search_cmd = app.add_subcommand("search", "search the replica");
    search_cmd->add_option("query", query, "words, EAN, SKU or reference")->required();
    search_cmd->add_option("--limit", limit, "results")->check(CLI::Range(1, 500));
    std::string id;
    auto* product_cmd = app.add_subcommand("product", "one product from the replica");
    product_cmd->add_option("id", id, "product id")->required();
    auto* lookup_cmd = app.add_subcommand("lookup", "find a product by EAN, SKU or reference");
    lookup_cmd->add_option("code", id, "the code")->required();
    std::string near;
    auto* stock_cmd = app.add_subcommand("stock", "live stock of a SKU everywhere");
    stock_cmd->add_option("sku", id, "SKU")->required();
    stock_cmd->add_option("--near", near, "sort by distance from this store (default: the kiosk's)");
    std::vector<std::string> items;
    auto* quote_cmd = app.add_subcommand("quote", "prices and fulfilment options for SKU[:QTY]...");
    quote_cmd->add_option("items", items, "SKU or SKU:QTY")->required();
    std::string order_file;
    auto* order_cmd = app.add_subcommand("order", "place an order through the outbox");
    order_cmd->add_option("--file", order_file, "JSON with lines, fulfilment, contact, payment")->required();
    std::string outbox_action = "list";
    auto* outbox_cmd = app.add_subcommand("outbox", "list the outbox, or retry its pending orders");
    outbox_cmd->add_option("action", outbox_action, "list or retry")->check(CLI::IsMember({"list", "retry"}));
    auto* health_cmd = app.add_subcommand("health", "API reachability, replica and outbox state");
    int searches_limit = 50;
    auto* searches_cmd = app.add_subcommand("searches", "the searches shoppers left without a result, most frequent first");
    searches_cmd->add_option("--limit", searches_limit, "at most this many (default 50)")->check(CLI::Range(1, 10000));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string what = e.what();
        for (char& c : what)
            if (c == '\n') c = ' ';
        die(what + " (see kioskctl --help)", 2);
    }

    kiosk::ClientSettings settings;
    if (!config_file.empty())
        if (auto error = kiosk::read_client_settings(config_file, settings)) die(*error, 2);
    if (!api_flag.empty()) settings.api_url = api_flag;
    if (!token_flag.empty()) settings.token_file = token_flag;
    if (!replica_flag.empty()) settings.replica_dir = replica_flag;
    if (!outbox_flag.empty()) settings.outbox_dir = outbox_flag;
    if (auto error = kiosk::check_api_url(settings.api_url, settings.allow_insecure_http)) die(*error, 2);
    if (kiosk::is_insecure_remote(settings.api_url))
        std::fprintf(stderr, "kioskctl: warning: %s is plain http:// to another machine (api.allow_insecure_http = true)\n",
                     settings.api_url.c_str());
    // Commands that only read the replica need no token; health tries without one.
    const bool needs_secret = !(*search_cmd || *product_cmd || *lookup_cmd || *searches_cmd || *health_cmd);
    if (needs_secret) {
        std::string secret;
        if (auto error = kiosk::read_backend_secret(settings, secret)) die(*error, 2);
    }

    try {
        // The outbox first: a backend without idempotency keys notes each order's cart in it.
        std::optional<Outbox> outbox;
        if (*order_cmd || *outbox_cmd) outbox.emplace(settings.outbox_dir);
        kiosk::Backend backend = kiosk::make_backend(settings, outbox ? &*outbox : nullptr, needs_secret);
        CommerceApi& api = *backend.api;
        Replica replica(settings.replica_dir);
        Replica::Reader reader(replica);

        if (*sync_cmd) {
            replica.set_snapshots(!no_snapshot);
            auto r = replica.sync(api, 1000);
            if (!r.ok()) die("sync failed: " + describe(r.error()));
            auto s = replica.status();
            const auto& v = r.value();
            std::string how = v.snapshot ? "snapshot" : v.full ? "full" : "delta";
            std::string text = how + " sync: ";
            if (v.snapshot)
                text += std::to_string(v.times.bytes >> 20) + " MB received" +
                        (v.snapshot_resumed_from ? " (resumed after " + std::to_string(v.snapshot_resumed_from >> 20) + " MB)" : "") +
                        ", then a delta of ";
            text += std::to_string(v.upserts) + " upserts, " + std::to_string(v.deletes) + " deletes, " +
                    std::to_string(v.skipped) + " skipped in " + std::to_string(v.pages) + " pages, " +
                    std::to_string(v.seconds) + " s; replica has " + std::to_string(s.products) + " products\n";
            if (v.full && !v.snapshot && !v.snapshot_skipped.empty()) text += "(" + v.snapshot_skipped + ")\n";
            print(as_json,
                  {{"full", v.full}, {"snapshot", v.snapshot}, {"snapshot_skipped", v.snapshot_skipped},
                   {"snapshot_resumed_from", v.snapshot_resumed_from}, {"bytes", v.times.bytes}, {"pages", v.pages},
                   {"upserts", v.upserts}, {"deletes", v.deletes}, {"skipped", v.skipped},
                   {"skipped_examples", v.skipped_examples}, {"seconds", v.seconds}, {"products", s.products},
                   {"cursor", s.cursor}},
                  text);
            return 0;
        }
        if (*snapshot_cmd) {
            // The builder's own replica, from the feed (never from a snapshot), kept for the next
            // build: then only a delta and the compression.
            std::error_code ec;
            std::filesystem::create_directories(snapshot_dir + "/replica", ec);
            Replica own(snapshot_dir + "/replica");
            own.set_snapshots(false);
            auto r = own.sync(api, 1000);
            if (!r.ok()) die("snapshot: the sync failed: " + describe(r.error()));
            auto m = write_snapshot(own.db_path(), snapshot_dir);
            if (!m.ok()) die("snapshot: " + describe(m.error()));
            const auto& v = m.value();
            print(as_json, snapshot_manifest_json(v),
                  "snapshot " + v.sha256.substr(0, 12) + ": " + std::to_string(v.products) + " products, " +
                      std::to_string(v.db_bytes >> 20) + " MB replica in " + std::to_string(v.bytes >> 20) + " MB (" +
                      snapshot_dir + "/snapshot.json)\n");
            return 0;
        }
        if (*search_cmd || *product_cmd || *lookup_cmd) {
            if (!replica.status().exists) die("no replica in " + settings.replica_dir + ": run kioskctl sync first");
        }
        if (*search_cmd) {
            Search search(reader);
            // The kiosk's synonyms: the configured file, else the one shipped with the assets.
            std::string synonyms_file = settings.synonyms_file;
            if (synonyms_file.empty()) {
                const std::string shipped = kiosk::find_assets_dir(settings.assets_dir, argv[0]) + "/search/synonyms.txt";
                if (std::ifstream(shipped)) synonyms_file = shipped;
            }
            if (!synonyms_file.empty()) {
                auto synonyms = std::make_shared<Synonyms>();
                if (auto e = load_synonyms(synonyms_file, *synonyms)) die(*e, 2);
                search.set_synonyms(synonyms);
            }
            SearchQuery q;
            q.text = query;
            q.limit = limit;
            auto page = search.run(q);
            json hits = json::array();
            std::string text;
            for (const auto& hit : page.hits) {
                json h = hit_json(reader, hit, page, lang);
                hits.push_back(h);
                text += hit.product_id + "  " + h.value("name", "") + "  (" + h.value("brand", "") + ")\n";
            }
            print(as_json, {{"total", page.total}, {"hits", hits}}, text + std::to_string(page.total) + " results\n");
            return 0;
        }
        if (*product_cmd || *lookup_cmd) {
            std::optional<Product> p;
            std::string sku;
            if (*product_cmd) {
                p = reader.product(id);
            } else if (auto found = reader.lookup_code(id)) {
                p = found->first;
                sku = found->second;
            }
            if (!p) die(std::string(*product_cmd ? "no product " : "no product for code ") + id);
            json doc = to_json(*p);
            if (!sku.empty()) doc["matched_sku"] = sku;
            std::string text = p->id + "  " + p->name.text(lang) + "  (" + p->brand + ", ref " + p->ref + ")\n";
            for (const auto& v : p->variants) {
                text += "  " + v.sku + "  EAN " + v.ean + "  " + euros(v.online_price);
                if (!(v.store_price == v.online_price)) text += " (store " + euros(v.store_price) + ")";
                if (v.online_only) text += "  web only";
                if (v.sku == sku) text += "  <- scanned";
                text += "\n";
            }
            print(as_json, doc, text);
            return 0;
        }
        if (*stock_cmd) {
            auto r = wait<Availability>([&](auto done) { api.availability({id}, near, done); });
            if (!r.ok()) die("stock unknown: " + describe(r.error()));
            if (r.value().items.empty()) die("unknown SKU " + id);
            const auto& item = r.value().items[0];
            json locs = json::array();
            std::string text;
            // A distance only to a store the backend placed (Medusa's locations have no coordinates).
            std::unordered_set<std::string> placed;
            for (const auto& s : reader.stores())
                if (s.lat != 0 || s.lon != 0) placed.insert(s.id);
            for (const auto& l : item.locations) {
                const bool known = placed.count(l.location_id) > 0;
                locs.push_back({{"location_id", l.location_id}, {"kind", l.kind}, {"quantity", l.quantity}, {"aisle", l.aisle},
                                {"distance_km", known ? json(l.distance_km) : json(nullptr)}});
                char distance[32] = "";
                if (known) std::snprintf(distance, sizeof distance, "%7.1f km", l.distance_km);
                char line[200];
                std::snprintf(line, sizeof line, "  %-30s %5lld  %10s %s\n", l.location_id.c_str(), static_cast<long long>(l.quantity), distance, l.aisle.c_str());
                text += line;
            }
            text += "  online: " + std::to_string(item.online_quantity) + "\n";
            print(as_json, {{"sku", item.sku}, {"as_of", r.value().as_of}, {"locations", locs}, {"online", item.online_quantity}}, text);
            return 0;
        }
        if (*quote_cmd) {
            std::vector<QuoteItem> lines;
            for (const auto& item : items) {
                auto colon = item.rfind(':');
                QuoteItem l{item, 1};
                if (colon != std::string::npos) {
                    l.sku = item.substr(0, colon);
                    try {
                        l.quantity = std::stoll(item.substr(colon + 1));
                    } catch (const std::exception&) {
                        die("bad quantity in " + item, 2);
                    }
                }
                lines.push_back(l);
            }
            auto r = wait<Quote>([&](auto done) { api.quote(lines, done); });
            if (!r.ok()) die("quote failed: " + describe(r.error()));
            json options = json::array();
            std::string text;
            for (const auto& l : r.value().lines) text += "  " + l.sku + " x" + std::to_string(l.quantity) + "  " + euros(l.unit_price) + "\n";
            text += "  total " + euros(r.value().items_total) + "\n";
            for (const auto& o : r.value().options) {
                options.push_back({{"type", o.type}, {"store_id", o.store_id}, {"ready_by", o.ready_by}, {"eta_min", o.eta_min}, {"eta_max", o.eta_max}, {"price", o.price.amount}});
                text += "  " + o.type + (o.store_id.empty() ? "" : " " + o.store_id) + "  " +
                        (o.type == "delivery" ? o.eta_min + ".." + o.eta_max : o.ready_by + " (" + o.source + ")") + "  " + euros(o.price) + "\n";
            }
            print(as_json, {{"total", r.value().items_total.amount}, {"options", options}}, text);
            return 0;
        }
        if (*order_cmd) {
            std::ifstream in(order_file, std::ios::binary);
            if (!in) die("cannot read " + order_file);
            std::string text(1u << 20, '\0');  // an order body is far smaller than 1 MiB
            in.read(text.data(), static_cast<std::streamsize>(text.size()));
            text.resize(static_cast<std::size_t>(in.gcount()));
            if (in.gcount() == static_cast<std::streamsize>(1u << 20)) die(order_file + ": larger than 1 MiB", 2);
            json request = parse_json_or_discarded(text);
            if (!request.is_object() || !request.contains("lines") || !request["lines"].is_array())
                die(order_file + ": expected a JSON object with lines, fulfilment, contact and payment", 2);
            std::vector<QuoteItem> lines;
            for (const auto& l : request["lines"]) {
                if (!l.is_object() || !l.contains("sku") || !l["sku"].is_string()) die(order_file + ": every line needs a sku", 2);
                lines.push_back({l["sku"].get<std::string>(), l.value("quantity", 1)});
            }
            auto me = wait<KioskIdentity>([&](auto done) { api.me(done); });
            if (!me.ok()) die("cannot reach the API: " + describe(me.error()));
            auto q = wait<Quote>([&](auto done) { api.quote(lines, done); });
            if (!q.ok()) die("quote failed: " + describe(q.error()));
            json body = request;
            body["lines"] = json::array();
            for (const auto& l : q.value().lines)
                body["lines"].push_back({{"sku", l.sku}, {"quantity", l.quantity}, {"unit_price", {{"amount", l.unit_price.amount}, {"currency", l.unit_price.currency}}}});
            body["channel"] = {{"store_id", me.value().store_id}, {"kiosk_id", me.value().kiosk_id}};
            auto typed = parse_order_request(body);
            if (!typed.ok()) die(order_file + ": " + typed.error().message, 2);
            crash_point("kioskctl.before_enqueue");  // a test hook: nothing unless KIOSK_TEST_CRASH_AT says so
            auto entry = outbox->enqueue(typed.value());
            if (!entry.ok()) die(describe(entry.error()));
            const OrderOutcome sent = outbox->send(entry.value().id, api);
            if (sent.state == OutboxState::Pending)
                die("order recorded in the outbox (entry " + std::to_string(entry.value().id) + ") but not confirmed yet: " + sent.error + "; run kioskctl outbox retry", 3);
            if (sent.state == OutboxState::Rejected) die("order rejected: " + to_json(*sent.rejection).dump(), 4);
            if (!sent.order) die("order acknowledged, but its answer could not be read back from the outbox (entry " + std::to_string(entry.value().id) + ")");
            const Order& o = *sent.order;
            print(as_json, to_json(o), "order " + o.number + " " + o.status + ", total " + euros(o.total) +
                                      (o.till_code.empty() ? "" : ", till code " + o.till_code) +
                                      (o.payment_url.empty() ? "" : ", pay at " + o.payment_url) + "\n");
            return 0;
        }
        if (*searches_cmd) {
            UsageLog usage(settings.outbox_dir);
            json list = json::array();
            std::string text;
            for (const auto& [typed, times] : usage.searches_without_results(searches_limit)) {
                list.push_back({{"text", typed}, {"times", times}});
                text += std::to_string(times) + "  " + typed + "\n";
            }
            print(as_json, {{"searches_without_results", list}}, text.empty() ? "no search without results kept\n" : text);
            return 0;
        }
        if (*outbox_cmd) {
            std::vector<OutboxEntry> entries;
            if (outbox_action == "retry") {
                for (const OrderOutcome& sent : outbox->resend_pending(api))
                    if (auto e = outbox->get(sent.outbox_id)) entries.push_back(std::move(*e));
            } else {
                entries = outbox->list();
            }
            json list = json::array();
            std::string text;
            for (const auto& e : entries) {
                json j = {{"id", e.id}, {"state", to_string(e.state)}, {"attempts", e.attempts}, {"key", e.idempotency_key}};
                if (e.order) j["number"] = e.order->number;
                if (!e.last_error.empty()) j["last_error"] = e.last_error;
                if (e.rejection) j["problem"] = to_json(*e.rejection);
                list.push_back(j);
                text += std::to_string(e.id) + "  " + to_string(e.state) + "  " + (e.order ? e.order->number : std::string("-")) +
                        (e.last_error.empty() ? "" : "  " + e.last_error) + "\n";
            }
            print(as_json, {{"entries", list}, {"pending", outbox->depth()}}, text + std::to_string(outbox->depth()) + " pending\n");
            return 0;
        }
        if (*health_cmd) {
            auto h = wait<Unit>([&](auto done) { api.health(done); });
            auto s = replica.status();
            std::int64_t age = s.synced_at ? std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() - s.synced_at : -1;
            Outbox pending(settings.outbox_dir);
            json doc = {{"api", {{"url", settings.api_url}, {"backend", api.backend()}, {"reachable", h.ok()}}}, {"replica", {{"products", s.products}, {"synced_age_s", age}}},
                        {"outbox_depth", pending.depth()}};
            if (!h.ok()) doc["api"]["error"] = describe(h.error());
            print(as_json, doc,
                  "api " + settings.api_url + " (" + api.backend() + "): " + (h.ok() ? std::string("reachable") : "unreachable (" + describe(h.error()) + ")") +
                      "\nreplica: " + std::to_string(s.products) + " products, last sync " +
                      (age < 0 ? std::string("never") : std::to_string(age) + " s ago") + "\noutbox: " +
                      std::to_string(pending.depth()) + " pending\n");
            return h.ok() ? 0 : 3;
        }
    } catch (const std::exception& e) {
        die(e.what());
    }
    return 0;
}
