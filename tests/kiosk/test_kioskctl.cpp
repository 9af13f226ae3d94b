// kioskctl end to end against the reference server: sync, search, product, lookup, stock, quote,
// order through the outbox (counted on the server), outbox, health, its errors, and no personal
// data left in its directories once its orders are acknowledged.
#include "disk_scan.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fstream>

using testing::json;

namespace {
struct Ctl {
    testing::Harness h;
    testing::TempDir dir;
    std::string token_file = dir.path + "/token";
    Ctl() { std::ofstream(token_file) << h.token << "\n"; }
    testing::Result run(std::vector<std::string> args, bool json_output = true) {
        std::vector<std::string> all = {"--api", h.url(), "--token-file", token_file, "--replica", dir.path + "/replica",
                                        "--outbox", dir.path + "/outbox"};
        if (json_output) all.push_back("--json");
        all.insert(all.end(), args.begin(), args.end());
        return testing::run(KIOSKCTL_BINARY, all);
    }
};
}  // namespace

TEST_CASE("kioskctl syncs, searches, shows products, stock and quotes, orders once, reports health") {
    Ctl c;
    auto sync = c.run({"sync"});
    REQUIRE(sync.code == 0);
    json s = json::parse(sync.out);
    CHECK(s["full"] == true);
    CHECK(s["products"] == 300);
    auto again = json::parse(c.run({"sync"}).out);
    CHECK(again["full"] == false);

    auto search = c.run({"search", "pull", "--limit", "5"});
    REQUIRE(search.code == 0);
    json hits = json::parse(search.out);
    CHECK(hits["total"].get<int>() > 0);
    CHECK(hits["hits"].size() <= 5);

    auto product = json::parse(c.run({"product", "P0000005"}).out);
    CHECK(product["id"] == "P0000005");
    std::string ean = product["variants"][0]["ean"];
    auto lookup = json::parse(c.run({"lookup", ean}).out);
    CHECK(lookup["id"] == "P0000005");
    CHECK(lookup["matched_sku"] == product["variants"][0]["sku"]);

    std::string sku = testing::stock_only_at(c.h, "paris-rivoli", 2);
    auto stock = json::parse(c.run({"stock", sku}).out);
    REQUIRE(stock["locations"].size() == 1);
    CHECK(stock["locations"][0]["location_id"] == "paris-rivoli");
    CHECK(stock["locations"][0]["distance_km"].is_number());  // the demo retailer's stores are placed
    auto quote = json::parse(c.run({"quote", sku + ":2"}).out);
    CHECK(quote["options"].size() == 1);

    json order = {{"lines", {{{"sku", sku}, {"quantity", 1}}}},
                  {"fulfilment", {{"type", "pickup"}, {"store_id", "paris-rivoli"}}},
                  {"contact", {{"email", "ines.martin@example.org"}}},
                  {"payment", {{"method", "pay_at_till"}}}};
    std::ofstream(c.dir.path + "/order.json") << order.dump();
    CHECK(testing::order_numbers(c.h).empty());
    auto placed = c.run({"order", "--file", c.dir.path + "/order.json"});
    REQUIRE(placed.code == 0);
    json o = json::parse(placed.out);
    CHECK(o["number"].get<std::string>().rfind("K-", 0) == 0);
    CHECK(testing::order_numbers(c.h) == std::vector<std::string>{o["number"].get<std::string>()});  // once, on the server
    CHECK(testing::stock_at(c.h, sku, "paris-rivoli") == 1);                                        // the stock moved once
    auto outbox = json::parse(c.run({"outbox"}).out);
    CHECK(outbox["pending"] == 0);
    CHECK(outbox["entries"][0]["number"] == o["number"]);
    // Retrying the outbox sends nothing again.
    auto retry = json::parse(c.run({"outbox", "retry"}).out);
    CHECK(retry["entries"].empty());
    CHECK(testing::order_numbers(c.h).size() == 1);

    auto health = c.run({"health"});
    CHECK(health.code == 0);
    json h = json::parse(health.out);
    CHECK(h["api"]["reachable"] == true);
    CHECK(h["replica"]["products"] == 300);
}

TEST_CASE("kioskctl errors are one line and a non-zero exit") {
    Ctl c;
    auto no_replica = c.run({"search", "pull"});
    CHECK(no_replica.code != 0);
    CHECK(testing::count_lines(no_replica.err) == 1);
    CHECK(no_replica.err.find("kioskctl sync") != std::string::npos);
    auto no_token = testing::run(KIOSKCTL_BINARY, {"--api", c.h.url(), "--token-file", c.dir.path + "/missing", "sync"});
    CHECK(no_token.code == 2);
    CHECK(no_token.err.find("cannot read the token file") != std::string::npos);
    CHECK(no_token.err.find(c.h.token) == std::string::npos);
    auto down = testing::run(KIOSKCTL_BINARY, {"--api", "http://127.0.0.1:1", "--replica", c.dir.path + "/r2", "--outbox", c.dir.path + "/o2", "health"});
    CHECK(down.code == 3);
    auto bad_config = testing::run(KIOSKCTL_BINARY, {"--config", c.token_file, "--outbox", c.dir.path + "/o3", "health"});
    CHECK(bad_config.code == 2);
    CHECK(testing::count_lines(bad_config.err) == 1);
    auto bad_sku = c.run({"stock", "NOPE"});
    CHECK(bad_sku.code != 0);
    CHECK(bad_sku.err.find("unknown SKU") != std::string::npos);
}

TEST_CASE("kioskctl order: once acknowledged, no personal data is left in the kiosk's directories") {
    Ctl c;
    REQUIRE(c.run({"sync"}).code == 0);
    testing::TempDir inputs;  // the order files the operator wrote: not the kiosk's data
    const testing::Shopper shopper = testing::shopper_for(c.h, c.dir.path);
    std::string sku = testing::stock_only_at(c.h, "paris-rivoli", 2);
    {
        auto db = c.h.open_db();
        db->prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity) VALUES(?, 'wh-moissy-cramayel', 10)").bind(1, sku).run();
    }
    json delivery = {{"lines", {{{"sku", sku}, {"quantity", 1}}}},
                     {"fulfilment", {{"type", "delivery"}}},
                     {"payment", {{"method", "pay_on_phone"}}}};
    json pickup = {{"lines", {{{"sku", sku}, {"quantity", 1}}}},
                   {"fulfilment", {{"type", "pickup"}, {"store_id", "paris-rivoli"}}},
                   {"payment", {{"method", "pay_at_till"}}}};
    std::ofstream(inputs.path + "/delivery.json") << testing::with_shopper(delivery, shopper).dump();
    std::ofstream(inputs.path + "/pickup.json") << testing::with_shopper(pickup, shopper).dump();
    auto d = c.run({"order", "--file", inputs.path + "/delivery.json"});
    auto p = c.run({"order", "--file", inputs.path + "/pickup.json"});
    REQUIRE(d.code == 0);
    REQUIRE(p.code == 0);
    CHECK(testing::order_numbers(c.h).size() == 2);
    json placed = json::parse(d.out);
    CHECK(placed["fulfilment"]["type"] == "delivery");
    CHECK_FALSE(placed["fulfilment"].contains("address"));
    CHECK_FALSE(placed["payment"]["payment_url"].get<std::string>().empty());
    auto outbox = json::parse(c.run({"outbox"}).out);
    CHECK(outbox["pending"] == 0);
    CHECK(outbox["entries"].size() == 2);

    auto found = testing::personal_data_under(c.dir.path, shopper);
    for (const auto& f : found) MESSAGE(f);
    CHECK(found.empty());
    // The files the operator wrote do hold them: the scan would see them.
    CHECK_FALSE(testing::personal_data_under(inputs.path, shopper).empty());
}
