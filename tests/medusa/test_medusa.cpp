// The Medusa connector (catalog_client/medusa.hpp) against the demo Medusa of the ctest fixture
// (tests/medusa/CMakeLists.txt): sync, search, stock per store, orders, and exactly once when
// the answer to `complete` is lost. What Medusa holds is read back from its database
// (tests/medusa/psql.sh). Each test places its own orders and finds them by their keys.

#include "../catalog_client/tcp_proxy.hpp"

#include "catalog_client/medusa.hpp"
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

using namespace catalog_client;

namespace {

std::string first_line(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The running backend of the fixture.
struct Backend {
    std::string dir = MEDUSA_DIR;
    std::string url = first_line(dir + "/url");
    std::string key = first_line(dir + "/publishable-key");
    int port() const { return std::stoi(url.substr(url.rfind(':') + 1)); }

    // One query's raw answer (psql -tA), trimmed.
    std::string sql(const std::string& query) const {
        std::string command = std::string(MEDUSA_SCRIPTS) + "/psql.sh '" + dir + "' \"" + query + "\" 2>&1";
        FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::string out;
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
        REQUIRE(::pclose(pipe) == 0);
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out;
    }
    std::int64_t count(const std::string& query) const { return std::stoll(sql(query)); }
};

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/medusa-test-XXXXXX";
        if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp");
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

TransportOptions fast_retries() {
    TransportOptions o;
    o.backoff_base = std::chrono::milliseconds(20);
    return o;
}

MedusaSettings settings_for(const Backend& b, const std::string& url) {
    MedusaSettings s;
    s.base_url = url;
    s.publishable_key = b.key;
    s.region = "France";
    s.kiosk_id = "K-TEST";
    s.store_id = "PAR-RIVOLI";
    return s;
}

// Live stock of every variant of the catalogue, by SKU and store.
std::map<std::string, std::map<std::string, std::int64_t>> stock_by_sku(CommerceApi& api, Replica& replica) {
    std::vector<std::string> skus;
    Replica::Reader reader(replica);
    Db db(replica.db_path(), Db::Mode::ReadOnly);
    for (auto all = db.prepare("SELECT id FROM products ORDER BY id"); all.step();) {
        auto p = reader.product(all.text(0));
        REQUIRE(p);
        for (const auto& v : p->variants) skus.push_back(v.sku);
    }
    std::sort(skus.begin(), skus.end());
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (std::size_t i = 0; i < skus.size(); i += 50) {
        std::vector<std::string> part(skus.begin() + static_cast<std::ptrdiff_t>(i),
                                      skus.begin() + static_cast<std::ptrdiff_t>(std::min(skus.size(), i + 50)));
        auto a = wait<Availability>([&](auto done) { api.availability(part, "", done); });
        REQUIRE(a.ok());
        for (const auto& item : a.value().items) {
            for (const auto& at : item.locations) out[item.sku][at.location_id] = at.quantity;
            out[item.sku]["online"] = item.online_quantity;
        }
    }
    return out;
}

// A SKU with at least `quantity` at `store` (and, when `elsewhere_only`, none at PAR-RIVOLI).
std::string sku_with_stock(const std::map<std::string, std::map<std::string, std::int64_t>>& stock, const std::string& store,
                           std::int64_t quantity, const std::string& not_sku = {}) {
    for (const auto& [sku, at] : stock) {
        auto it = at.find(store);
        if (sku != not_sku && it != at.end() && it->second >= quantity) return sku;
    }
    return {};
}

OrderRequest pickup_request(const std::string& sku, std::int64_t quantity, std::int64_t unit_price, const std::string& store) {
    OrderRequest r;
    r.lines.push_back({sku, quantity, Money{unit_price, "EUR"}});
    r.fulfilment = FulfilmentType::Pickup;
    r.pickup_store = store;
    r.contact.email = "client@example.org";
    r.channel = {"PAR-RIVOLI", "K-TEST", ""};
    return r;
}

std::int64_t price_of(CommerceApi& api, const std::string& sku) {
    auto q = wait<Quote>([&](auto done) { api.quote({{sku, 1}}, done); });
    REQUIRE(q.ok());
    return q.value().lines.at(0).unit_price.amount;
}

std::string orders_with_key(const std::string& key) {
    return "SELECT count(*) FROM \\\"order\\\" WHERE metadata->>'idempotency_key' = '" + key + "' AND deleted_at IS NULL";
}
SearchQuery words(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return q;
}

std::string carts_with_key(const std::string& key) {
    return "SELECT count(*) FROM cart WHERE metadata->>'idempotency_key' = '" + key + "' AND deleted_at IS NULL";
}

}  // namespace

TEST_CASE("the catalogue syncs whole, then by delta: a renamed product, a changed variant, a removed product") {
    Backend b;
    TempDir dir;
    Transport t(fast_retries());
    MedusaApi api(t, settings_for(b, b.url));
    Replica replica(dir.path + "/replica");
    auto full = replica.sync(api, 10);  // pages of 10: several pages
    REQUIRE(full.ok());
    CHECK(full.value().full);
    CHECK(full.value().pages >= 4);
    const std::int64_t published = b.count("SELECT count(*) FROM product WHERE deleted_at IS NULL AND status = 'published'");
    CHECK(replica.status().products == published);
    CHECK(full.value().skipped == 0);

    Replica::Reader reader(replica);
    Search search(reader);
    auto pulls = search.run(words("pull"));
    CHECK(pulls.total >= 2);
    // EANs come from the variants' barcodes.
    const std::string ean = b.sql("SELECT barcode FROM product_variant WHERE sku = 'F-PULL-ROND-XS-ECR'");
    auto scanned = reader.lookup_code(ean);
    REQUIRE(scanned);
    CHECK(scanned->first.name.text("fr") == "Pull en maille col rond");

    // Changes behind the API's back, as Medusa's workflows make them (the times move).
    const std::string nappe = b.sql("SELECT id FROM product WHERE title = 'Nappe en lin'");
    const std::string sweat = b.sql("SELECT product_id FROM product_variant WHERE sku LIKE 'H-SWEAT%' LIMIT 1");
    const std::string gone = b.sql("SELECT id FROM product WHERE title = 'Plaid en laine'");
    REQUIRE(!nappe.empty());
    REQUIRE(!gone.empty());
    b.sql("UPDATE product SET title = 'Nappe en lin brodée', updated_at = now() WHERE id = '" + nappe + "'");
    b.sql("UPDATE product_variant SET updated_at = now() WHERE product_id = '" + sweat + "'");
    b.sql("UPDATE product SET deleted_at = now() WHERE id = '" + gone + "'");
    auto delta = replica.sync(api, 10);
    b.sql("UPDATE product SET title = 'Nappe en lin', updated_at = now() WHERE id = '" + nappe + "'");
    b.sql("UPDATE product SET deleted_at = NULL, updated_at = now() WHERE id = '" + gone + "'");
    REQUIRE(delta.ok());
    CHECK_FALSE(delta.value().full);
    CHECK(delta.value().deletes == 1);
    CHECK(replica.status().products == published - 1);
    CHECK(search.run(words("brodee")).total == 1);
    CHECK(reader.product(gone) == std::nullopt);
    // The product whose variant changed came again (its updated_at is the variant's).
    auto s = reader.product(sweat);
    REQUIRE(s);
    CHECK(s->updated_at >= b.sql("SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM product_variant WHERE product_id = '" + sweat + "'"));
}

TEST_CASE("stock per store is Medusa's location levels, and the stores are its stock locations") {
    Backend b;
    TempDir dir;
    Transport t(fast_retries());
    MedusaApi api(t, settings_for(b, b.url));
    auto stores = wait<std::vector<Store>>([&](auto done) { api.stores(done); });
    REQUIRE(stores.ok());
    CHECK(stores.value().size() == 6);
    std::map<std::string, Store> by_id;
    for (const auto& s : stores.value()) by_id[s.id] = s;
    CHECK(by_id["LYS-PARTDIEU"].pickup);
    CHECK(by_id["LYS-PARTDIEU"].name == "Lyon Part-Dieu");
    CHECK(by_id["WH-RUNGIS"].kind == "warehouse");
    CHECK_FALSE(by_id["WH-RUNGIS"].pickup);

    const std::string sku_row = b.sql("SELECT sku FROM product_variant WHERE sku LIKE 'M-%' AND deleted_at IS NULL ORDER BY sku LIMIT 1");
    auto a = wait<Availability>([&](auto done) { api.availability({sku_row, "NO-SUCH-SKU"}, "", done); });
    REQUIRE(a.ok());
    REQUIRE(a.value().items.size() == 1);
    CHECK(a.value().unknown_skus == std::vector<std::string>{"NO-SUCH-SKU"});
    // The same figures from the database: available = stocked - reserved, per location.
    const std::string rows = b.sql(
        "SELECT sl.metadata->>'code', il.stocked_quantity - il.reserved_quantity FROM inventory_level il "
        "JOIN inventory_item ii ON ii.id = il.inventory_item_id JOIN stock_location sl ON sl.id = il.location_id "
        "WHERE ii.sku = '" + sku_row + "' AND il.deleted_at IS NULL ORDER BY 1");
    std::map<std::string, std::int64_t> expected;
    std::size_t from = 0;
    while (from < rows.size()) {
        std::size_t end = rows.find('\n', from);
        if (end == std::string::npos) end = rows.size();
        const std::string row = rows.substr(from, end - from);
        expected[row.substr(0, row.find('|'))] = std::stoll(row.substr(row.find('|') + 1));
        from = end + 1;
    }
    std::map<std::string, std::int64_t> got;
    for (const auto& at : a.value().items[0].locations) got[at.location_id] = at.quantity;
    std::int64_t warehouse = expected.count("WH-RUNGIS") ? expected["WH-RUNGIS"] : 0;
    expected.erase("WH-RUNGIS");
    CHECK(got == expected);
    CHECK(a.value().items[0].online_quantity == warehouse);
}

TEST_CASE("a pickup order in another store and a delivery order: one order each in Medusa, found again") {
    Backend b;
    TempDir dir;
    Transport t(fast_retries());
    Outbox outbox(dir.path + "/outbox");
    MedusaApi api(t, settings_for(b, b.url), &outbox);
    Replica replica(dir.path + "/replica");
    REQUIRE(replica.sync(api, 1000).ok());
    const auto stock = stock_by_sku(api, replica);

    const std::string sku = sku_with_stock(stock, "LYS-PARTDIEU", 1);
    REQUIRE(!sku.empty());
    auto entry = outbox.enqueue(pickup_request(sku, 1, price_of(api, sku), "LYS-PARTDIEU"));
    REQUIRE(entry.ok());
    const OrderOutcome sent = outbox.send(entry.value().id, api);
    REQUIRE(sent.state == OutboxState::Acknowledged);
    REQUIRE(sent.order);
    CHECK(sent.order->status == "awaiting_payment");
    CHECK(sent.order->fulfilment.type == "pickup");
    CHECK(sent.order->fulfilment.store_id == "LYS-PARTDIEU");
    CHECK(sent.order->lines.at(0).sku == sku);
    CHECK(b.count(orders_with_key(entry.value().idempotency_key)) == 1);
    // The shipping method is Lyon's pickup option.
    CHECK(b.sql("SELECT sm.name FROM order_shipping_method sm JOIN order_shipping os ON os.shipping_method_id = sm.id "
                "JOIN \\\"order\\\" o ON o.id = os.order_id WHERE o.id = '" + sent.order->number + "'") == "Retrait en magasin");
    // Looked up again by its number.
    auto again = wait<Order>([&](auto done) { api.order(sent.order->number, done); });
    REQUIRE(again.ok());
    CHECK(again.value().number == sent.order->number);
    CHECK(again.value().total == sent.order->total);
    CHECK(again.value().fulfilment.store_id == "LYS-PARTDIEU");

    // Delivery, from the warehouse, with a phone number only.
    const std::string home_sku = sku_with_stock(stock, "online", 2, sku);
    REQUIRE(!home_sku.empty());
    OrderRequest home = pickup_request(home_sku, 2, price_of(api, home_sku), "");
    home.fulfilment = FulfilmentType::Delivery;
    home.address = {"Jeanne Martin", "17 rue du Docteur Bouchut", "", "69003", "Lyon", "FR"};
    home.contact = {"", "+33612345678"};
    auto home_entry = outbox.enqueue(home);
    const OrderOutcome delivered = outbox.send(home_entry.value().id, api);
    REQUIRE(delivered.state == OutboxState::Acknowledged);
    CHECK(delivered.order->fulfilment.type == "delivery");
    CHECK(delivered.order->total.amount == 2 * home.lines[0].unit_price.amount + 490);
    CHECK(b.count(orders_with_key(home_entry.value().idempotency_key)) == 1);
    // Once ended, the outbox keeps no note and no address.
    CHECK(outbox.order_note(home_entry.value().idempotency_key).empty());
    CHECK(outbox.get(home_entry.value().id)->request.address.line1.empty());
}

TEST_CASE("the kiosk refuses what Medusa would let through: no stock at the chosen store, a changed price") {
    Backend b;
    TempDir dir;
    Transport t(fast_retries());
    Outbox outbox(dir.path + "/outbox");
    MedusaApi api(t, settings_for(b, b.url), &outbox);
    Replica replica(dir.path + "/replica");
    REQUIRE(replica.sync(api, 1000).ok());
    const auto stock = stock_by_sku(api, replica);
    // In stock elsewhere, none at Paris Rivoli: Medusa would reserve it elsewhere and accept.
    std::string sku;
    for (const auto& [s, at] : stock)
        if ((!at.count("PAR-RIVOLI") || at.at("PAR-RIVOLI") == 0) && at.count("online") && at.at("online") > 0) sku = s;
    REQUIRE(!sku.empty());
    auto entry = outbox.enqueue(pickup_request(sku, 1, price_of(api, sku), "PAR-RIVOLI"));
    const OrderOutcome refused = outbox.send(entry.value().id, api);
    REQUIRE(refused.state == OutboxState::Rejected);
    CHECK(refused.rejection->reason == RejectReason::OutOfStock);
    CHECK(refused.rejection->sku == sku);
    CHECK(b.count(carts_with_key(entry.value().idempotency_key)) == 0);

    const std::string lyon = sku_with_stock(stock, "LYS-PARTDIEU", 1);
    auto stale = outbox.enqueue(pickup_request(lyon, 1, price_of(api, lyon) + 100, "LYS-PARTDIEU"));
    const OrderOutcome changed = outbox.send(stale.value().id, api);
    REQUIRE(changed.state == OutboxState::Rejected);
    CHECK(changed.rejection->reason == RejectReason::PriceChanged);
    CHECK(changed.rejection->new_price.amount == price_of(api, lyon));
    CHECK(b.count(carts_with_key(stale.value().idempotency_key)) == 0);
}

TEST_CASE("a complete whose answer is lost is completed again, never placed twice: by the transport, then after a restart") {
    Backend b;
    TempDir dir;
    testing::TcpProxy proxy(b.port());
    proxy.name_paths("POST /store/carts/", "/complete", "POST complete");
    Transport t(fast_retries());
    Outbox outbox(dir.path + "/outbox");
    Replica replica(dir.path + "/replica");
    std::string sku, key;
    {
        MedusaApi api(t, settings_for(b, proxy.url()), &outbox);
        REQUIRE(replica.sync(api, 1000).ok());
        sku = sku_with_stock(stock_by_sku(api, replica), "LYS-PARTDIEU", 2);
        REQUIRE(!sku.empty());
        const std::int64_t price = price_of(api, sku);

        // 1. The first answer is lost; the transport sends `complete` again: the same order.
        proxy.script("POST complete", testing::TcpProxy::Action::LoseAnswer);
        auto first = outbox.enqueue(pickup_request(sku, 1, price, "LYS-PARTDIEU"));
        const OrderOutcome once = outbox.send(first.value().id, api);
        REQUIRE(once.state == OutboxState::Acknowledged);
        CHECK(proxy.count("POST complete") == 2);
        CHECK(b.count(orders_with_key(first.value().idempotency_key)) == 1);
        CHECK(b.count(carts_with_key(first.value().idempotency_key)) == 1);

        // 2. Every answer is lost: the order stays pending, its cart noted in the outbox.
        proxy.script("POST complete", testing::TcpProxy::Action::LoseAnswer, 4);
        auto second = outbox.enqueue(pickup_request(sku, 1, price, "LYS-PARTDIEU"));
        key = second.value().idempotency_key;
        const OrderOutcome lost = outbox.send(second.value().id, api);
        REQUIRE(lost.state == OutboxState::Pending);
        CHECK(outbox.order_note(key).rfind("cart_", 0) == 0);
        CHECK(b.count(orders_with_key(key)) == 1);  // Medusa made it; the kiosk does not know yet
    }
    // 3. Another process (a restart) sends the pending entry: it completes the noted cart.
    MedusaApi restarted(t, settings_for(b, proxy.url()), &outbox);
    const int completes = proxy.count("POST complete");
    const auto resent = outbox.resend_pending(restarted);
    REQUIRE(resent.size() == 1);
    REQUIRE(resent[0].state == OutboxState::Acknowledged);
    CHECK(proxy.count("POST complete") == completes + 1);
    CHECK(b.count(orders_with_key(key)) == 1);
    CHECK(b.count(carts_with_key(key)) == 1);
    CHECK(resent[0].order->number == b.sql("SELECT id FROM \\\"order\\\" WHERE metadata->>'idempotency_key' = '" + key + "'"));
}

TEST_CASE("what Medusa does not offer answers 501 not_supported, and the capabilities say so") {
    Backend b;
    Transport t(fast_retries());
    MedusaApi api(t, settings_for(b, b.url));
    CHECK_FALSE(api.capabilities().staff);
    CHECK_FALSE(api.capabilities().telemetry);
    CHECK_FALSE(api.capabilities().pay_on_phone);
    CHECK(std::string(api.backend()) == "medusa");
    auto staff = wait<StaffSession>([&](auto done) { api.open_staff_session("1234", "", done); });
    REQUIRE_FALSE(staff.ok());
    CHECK(staff.error().http_status == 501);
    auto me = wait<KioskIdentity>([&](auto done) { api.me(done); });
    REQUIRE(me.ok());
    CHECK(me.value().store_id == "PAR-RIVOLI");
    CHECK(wait<Unit>([&](auto done) { api.health(done); }).ok());
    // A wrong key: Medusa's 400, not a crash or a hang.
    MedusaSettings wrong = settings_for(b, b.url);
    wrong.publishable_key = "pk_wrong";
    MedusaApi bad(t, wrong);
    auto cats = wait<std::vector<Category>>([&](auto done) { bad.categories(done); });
    REQUIRE_FALSE(cats.ok());
    CHECK(cats.error().kind == ErrorKind::Http);
}
