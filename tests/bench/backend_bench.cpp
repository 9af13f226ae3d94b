// backend_bench --config KIOSK.toml [--runs N] [--replica DIR]: what one commerce backend costs
// the kiosk, through the backend the configuration names ([api] backend, native or medusa):
// full sync into an empty replica, delta sync with nothing changed, quote, and the round trip of
// a delivery order through the outbox (median and slowest of N runs each). Places N real orders.
// deploy/medusa/bench.sh runs it against Medusa and the reference server side by side.
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"
#include "kiosk/backend.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace catalog_client;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

std::string figure(std::vector<double> ms) {
    if (ms.empty()) return "-";
    std::sort(ms.begin(), ms.end());
    char out[64];
    std::snprintf(out, sizeof out, "%.0f ms (slowest %.0f)", ms[ms.size() / 2], ms.back());
    return out;
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "backend_bench: %s\n", what.c_str());
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    std::string config, replica_dir;
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--config") config = value;
        else if (flag == "--runs") runs = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--replica") replica_dir = value;
        else die("unknown flag " + flag);
    }
    if (config.empty()) die("usage: backend_bench --config KIOSK.toml [--runs N] [--replica DIR]");
    kiosk::ClientSettings settings;
    if (auto e = kiosk::read_client_settings(config, settings)) die(*e);
    const std::string work = (std::filesystem::temp_directory_path() / ("backend-bench-" + std::to_string(::getpid()))).string();
    if (replica_dir.empty()) replica_dir = work + "/replica";
    Outbox outbox(work + "/outbox");
    kiosk::Backend backend = kiosk::make_backend(settings, &outbox);
    CommerceApi& api = *backend.api;

    std::vector<double> full, delta, quote, order;
    for (int r = 0; r < runs; ++r) {
        std::filesystem::remove_all(replica_dir);
        Replica replica(replica_dir);
        const auto t0 = Clock::now();
        auto s = replica.sync(api, 1000);
        if (!s.ok()) die("full sync: " + describe(s.error()));
        full.push_back(ms_since(t0));
    }
    Replica replica(replica_dir);
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        auto s = replica.sync(api, 1000);
        if (!s.ok()) die("delta sync: " + describe(s.error()));
        delta.push_back(ms_since(t0));
    }
    // A SKU with enough stock online for every run.
    std::vector<std::string> skus;
    {
        Replica::Reader reader(replica);
        Db db(replica.db_path(), Db::Mode::ReadOnly);
        for (auto q = db.prepare("SELECT id FROM products ORDER BY id LIMIT 50"); q.step();)
            if (auto p = reader.product(q.text(0)))
                for (const auto& v : p->variants) skus.push_back(v.sku);
        std::sort(skus.begin(), skus.end());
        if (skus.size() > 50) skus.resize(50);
    }
    auto stock = wait<Availability>([&](auto done) { api.availability(skus, "", done); });
    if (!stock.ok()) die("availability: " + describe(stock.error()));
    std::string sku;
    for (const auto& item : stock.value().items)
        if (item.online_quantity >= runs && sku.empty()) sku = item.sku;
    if (sku.empty()) die("no SKU among the first 50 has " + std::to_string(runs) + " units online");
    auto me = wait<KioskIdentity>([&](auto done) { api.me(done); });
    if (!me.ok()) die("identity: " + describe(me.error()));
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        auto q = wait<Quote>([&](auto done) { api.quote({{sku, 1}}, done); });
        if (!q.ok()) die("quote: " + describe(q.error()));
        quote.push_back(ms_since(t0));
        OrderRequest request;
        request.lines.push_back({sku, 1, q.value().lines.at(0).unit_price});
        request.fulfilment = FulfilmentType::Delivery;
        request.address = {"Banc Essai", "1 rue du Banc", "", "69003", "Lyon", "FR"};
        request.contact.email = "bench@example.org";
        request.channel = {me.value().store_id, me.value().kiosk_id, ""};
        auto entry = outbox.enqueue(request);
        if (!entry.ok()) die("outbox: " + describe(entry.error()));
        t0 = Clock::now();
        const OrderOutcome sent = outbox.send(entry.value().id, api);
        if (sent.state != OutboxState::Acknowledged) die("order not acknowledged: " + sent.error);
        order.push_back(ms_since(t0));
    }
    const auto status = replica.status();
    std::printf("| %s | %lld products | %s | %s | %s | %s |\n", api.backend(),
                static_cast<long long>(status.products), figure(full).c_str(), figure(delta).c_str(), figure(quote).c_str(),
                figure(order).c_str());
    api.shutdown();
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    return 0;
}
