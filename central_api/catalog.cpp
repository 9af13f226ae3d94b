#include "central_api/catalog.hpp"

#include <cstdlib>

namespace central_api {

void create_schema(Db& db) {
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locations(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  pickup INTEGER NOT NULL, doc TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS categories(
  id TEXT PRIMARY KEY, parent_id TEXT, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS products(
  id TEXT PRIMARY KEY, doc TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS variants(
  sku TEXT PRIMARY KEY, product_id TEXT NOT NULL, ean TEXT NOT NULL,
  price_store INTEGER NOT NULL, price_online INTEGER NOT NULL, online_only INTEGER NOT NULL,
  name TEXT NOT NULL, options TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS variants_by_product ON variants(product_id);
CREATE TABLE IF NOT EXISTS stock(
  sku TEXT NOT NULL, location_id TEXT NOT NULL, quantity INTEGER NOT NULL CHECK(quantity >= 0),
  aisle TEXT, PRIMARY KEY(sku, location_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS incoming(
  sku TEXT NOT NULL, location_id TEXT NOT NULL, quantity INTEGER NOT NULL, eta TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incoming_by_sku ON incoming(sku);
CREATE TABLE IF NOT EXISTS changes(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, product_id TEXT NOT NULL, op TEXT NOT NULL,
  at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS changes_by_product ON changes(product_id);
CREATE TABLE IF NOT EXISTS kiosks(id TEXT PRIMARY KEY, store_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS staff(
  id TEXT PRIMARY KEY, store_id TEXT NOT NULL, name TEXT NOT NULL, pin_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS staff_sessions(
  token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS staff_lockouts(
  kiosk_id TEXT PRIMARY KEY, failures INTEGER NOT NULL, level INTEGER NOT NULL,
  locked_until INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS customers(card TEXT PRIMARY KEY, name TEXT NOT NULL, tier TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS purchases(
  card TEXT NOT NULL, date TEXT NOT NULL, store_id TEXT NOT NULL, sku TEXT NOT NULL,
  product_id TEXT NOT NULL, name TEXT NOT NULL, options TEXT NOT NULL, quantity INTEGER NOT NULL,
  amount INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS purchases_by_card ON purchases(card);
CREATE TABLE IF NOT EXISTS orders(
  number TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, loyalty_card TEXT, created_at INTEGER NOT NULL,
  doc TEXT NOT NULL, contact TEXT NOT NULL, pay_token TEXT, channel_store TEXT NOT NULL,
  fulfil_store TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS orders_by_pay_token ON orders(pay_token);
CREATE INDEX IF NOT EXISTS orders_by_card ON orders(loyalty_card);
CREATE TABLE IF NOT EXISTS idempotency(
  kiosk_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, status INTEGER NOT NULL,
  response TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(kiosk_id, key));
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, kiosk_id TEXT NOT NULL, received_at INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS heartbeats(
  kiosk_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, doc TEXT NOT NULL);
)sql");
    add_later_tables(db);
}

void add_later_tables(Db& db) {
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS handoffs(
  id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operators(
  id TEXT PRIMARY KEY, label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ops_sessions(
  token_hash TEXT PRIMARY KEY, operator_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_received ON events(received_at);
CREATE INDEX IF NOT EXISTS orders_by_created ON orders(created_at);
)sql");
}

CatalogWriter::CatalogWriter(Db& db)
    : db_(db),
      put_product_(db.prepare("INSERT OR REPLACE INTO products(id, doc, updated_at) VALUES(?,?,?)")),
      del_variants_(db.prepare("DELETE FROM variants WHERE product_id = ?")),
      put_variant_(db.prepare(
          "INSERT OR REPLACE INTO variants(sku, product_id, ean, price_store, price_online, "
          "online_only, name, options) VALUES(?,?,?,?,?,?,?,?)")),
      drop_changes_(db.prepare("DELETE FROM changes WHERE product_id = ?")),
      add_change_(db.prepare("INSERT INTO changes(product_id, op, at) VALUES(?,?,?)")) {}

void CatalogWriter::upsert(const json& product, std::int64_t now) {
    const std::string& id = product.at("id").get_ref<const std::string&>();
    put_product_.bind(1, id).bind(2, product.dump()).bind(3, now).run();
    del_variants_.bind(1, id).run();
    std::string name = product.at("name").dump();
    for (const auto& v : product.at("variants")) {
        put_variant_.bind(1, v.at("sku").get_ref<const std::string&>())
            .bind(2, id)
            .bind(3, v.at("ean").get_ref<const std::string&>())
            .bind(4, v.at("price").at("store").at("amount").get<std::int64_t>())
            .bind(5, v.at("price").at("online").at("amount").get<std::int64_t>())
            .bind(6, v.value("online_only", false) ? 1 : 0)
            .bind(7, name)
            .bind(8, v.at("options").dump())
            .run();
    }
    drop_changes_.bind(1, id).run();
    add_change_.bind(1, id).bind(2, "upsert").bind(3, now).run();
}

void CatalogWriter::remove(const std::string& product_id, std::int64_t now) {
    db_.prepare("DELETE FROM stock WHERE sku IN (SELECT sku FROM variants WHERE product_id = ?)")
        .bind(1, product_id)
        .run();
    db_.prepare("DELETE FROM incoming WHERE sku IN (SELECT sku FROM variants WHERE product_id = ?)")
        .bind(1, product_id)
        .run();
    del_variants_.bind(1, product_id).run();
    db_.prepare("DELETE FROM products WHERE id = ?").bind(1, product_id).run();
    drop_changes_.bind(1, product_id).run();
    add_change_.bind(1, product_id).bind(2, "delete").bind(3, now).run();
}

std::string encode_cursor(const Cursor& cursor) {
    return "c1." + cursor.epoch + "." + std::to_string(cursor.seq) + "." +
           std::to_string(cursor.issued);
}

std::optional<Cursor> decode_cursor(const std::string& text) {
    // c1.<epoch hex>.<seq>.<issued>
    if (text.size() > 100 || text.rfind("c1.", 0) != 0) return std::nullopt;
    auto p1 = text.find('.', 3);
    if (p1 == std::string::npos) return std::nullopt;
    auto p2 = text.find('.', p1 + 1);
    if (p2 == std::string::npos) return std::nullopt;
    Cursor c;
    c.epoch = text.substr(3, p1 - 3);
    std::string seq = text.substr(p1 + 1, p2 - p1 - 1), issued = text.substr(p2 + 1);
    auto all_digits = [](const std::string& s) {
        return !s.empty() && s.size() <= 18 &&
               s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (c.epoch.empty() || !all_digits(seq) || !all_digits(issued)) return std::nullopt;
    c.seq = std::strtoll(seq.c_str(), nullptr, 10);
    c.issued = std::strtoll(issued.c_str(), nullptr, 10);
    return c;
}

FeedPage read_changes(Db& db, std::int64_t since_seq, int limit, const std::string& epoch,
                        std::int64_t now) {
    auto st = db.prepare(
        "SELECT c.seq, c.op, c.product_id, p.doc FROM changes c "
        "LEFT JOIN products p ON p.id = c.product_id AND c.op = 'upsert' "
        "WHERE c.seq > ? ORDER BY c.seq LIMIT ?");
    st.bind(1, since_seq).bind(2, limit + 1);
    FeedPage page;
    page.last_seq = since_seq;
    std::string& out = page.body;
    out.reserve(static_cast<std::size_t>(limit) * 2048);
    out += "{\"changes\":[";
    while (st.step()) {
        if (page.count == limit) {
            page.has_more = true;
            break;
        }
        if (page.count > 0) out += ',';
        page.last_seq = st.integer(0);
        if (st.text_view(1) == "delete" || st.is_null(3)) {
            out += "{\"op\":\"delete\",\"product_id\":";
            out += json(st.text(2)).dump();
            out += '}';
        } else {
            out += "{\"op\":\"upsert\",\"product\":";
            out += st.text_view(3);
            out += '}';
        }
        ++page.count;
    }
    out += "],\"next_cursor\":";
    out += json(encode_cursor({page.last_seq, epoch, now})).dump();
    out += ",\"has_more\":";
    out += page.has_more ? "true" : "false";
    out += '}';
    return page;
}

std::int64_t purge_tombstones(Db& db, std::int64_t now, std::int64_t retention_s) {
    auto newest = db.prepare("SELECT MAX(seq) FROM changes WHERE op = 'delete' AND at < ?");
    newest.bind(1, now - retention_s);
    if (!newest.step() || newest.is_null(0)) return 0;
    std::int64_t through = newest.integer(0);
    db.prepare("DELETE FROM changes WHERE op = 'delete' AND at < ?").bind(1, now - retention_s).run();
    std::int64_t purged = db.changes();
    auto old = db.meta("purged_through_seq");
    if (!old || std::strtoll(old->c_str(), nullptr, 10) < through)
        db.set_meta("purged_through_seq", std::to_string(through));
    return purged;
}

std::string json_array_of_rows(Stmt& st) {
    std::string out = "[";
    bool first = true;
    while (st.step()) {
        if (!first) out += ',';
        first = false;
        out += st.text_view(0);
    }
    out += ']';
    return out;
}

std::optional<std::string> product_document(Db& db, const std::string& product_id) {
    auto st = db.prepare("SELECT doc FROM products WHERE id = ?");
    st.bind(1, product_id);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

}  // namespace central_api
