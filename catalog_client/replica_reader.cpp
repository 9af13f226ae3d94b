// Replica::Reader: opening the generation in use and moving to the next one, its reads
// (products, codes, categories, stores, facets, SKUs), the product documents' codec.
#include "catalog_client/json_bounded.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/replica_files.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace catalog_client {

Replica::Reader::Reader(const Replica& replica) : replica_(replica) {}

namespace {
namespace fs = std::filesystem;

// A transaction or a statement part-way through its rows is open on `db` (FTS5 keeps statements
// of its own prepared between calls: those are reset, not busy).
bool in_use(Db& db) {
    if (!sqlite3_get_autocommit(db.handle())) return true;
    for (sqlite3_stmt* st = sqlite3_next_stmt(db.handle(), nullptr); st; st = sqlite3_next_stmt(db.handle(), st))
        if (sqlite3_stmt_busy(st)) return true;
    return false;
}
}  // namespace

Db* Replica::Reader::db() {
    // A caller up the stack is reading through this connection: keep it; the switch happens at
    // the next call.
    if (db_ && in_use(*db_)) return db_.get();
    const std::uint64_t key = detail::pointer_key(replica_.dir_);
    if (db_ && key != 0 && key == pointer_key_) return db_.get();
    for (int attempt = 0;; ++attempt) {
        const std::string path = replica_.db_path();
        if (db_ && path == open_path_) {
            pointer_key_ = key;
            return db_.get();
        }
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            db_.reset();
            open_path_.clear();
            return nullptr;
        }
        try {
            auto fresh = std::make_unique<Db>(path, Db::Mode::ReadOnly);
            // Search reads index pages on every keystroke: keep the hot ones in this connection's
            // cache rather than asking the OS for them again. 16 MB: at 1 000 000 products 32 MB
            // was 16 MB more of the kiosk's memory for no better search (issue 16's figures).
            fresh->exec("PRAGMA cache_size = -16384; SELECT count(*) FROM meta;");
            // The first read opened the generation's -wal and -shm. If it is still the one in use,
            // they are its real files (a generation's files are deleted only after the switch
            // away from it, and names are never reused); if not, read the name again.
            if (replica_.db_path() != path) throw DbError("the replica moved to a new generation while opening");
            codec_.emplace(document_codec(*fresh));
            current_ = fresh->meta("schema") == std::optional<std::string>(kReplicaSchema);
            words_codec_.emplace(current_ ? words_codec(*fresh) : DocCodec());
            db_ = std::move(fresh);
            open_path_ = path;
            pointer_key_ = key;
            return db_.get();
        } catch (const DbError&) {
            if (attempt >= 3) throw;
        }
    }
}


namespace {
// The codec of dictionary `id` (1: documents, 2: index words).
DocCodec stored_codec(Db& db, int id) {
    auto has_table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'dictionary'");
    if (!has_table.step()) return DocCodec();
    auto st = db.prepare("SELECT bytes FROM dictionary WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return DocCodec();
    try {
        return DocCodec::with_dictionary(std::string(st.blob_view(0)));
    } catch (const DbError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw DbError(e.what());
    }
}
}  // namespace

DocCodec document_codec(Db& db) { return stored_codec(db, 1); }

DocCodec words_codec(Db& db) { return stored_codec(db, 2); }

std::optional<Product> Replica::Reader::product(const std::string& id) {
    Db* d = db();
    if (!d) return std::nullopt;
    return product_in(*d, id);
}

namespace {
// As SQLite's NOCASE compares: ASCII letters without case.
bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<Product> stored_product(Stmt& st, DocCodec& codec) {
    if (!st.step()) return std::nullopt;
    auto text = codec.read(st.blob_view(0));
    if (!text) return std::nullopt;
    auto parsed = parse_product(parse_json_or_discarded(*text));
    if (!parsed.ok()) return std::nullopt;
    return std::move(parsed).value();
}
}  // namespace

std::optional<Product> Replica::Reader::product_in(Db& d, const std::string& id) {
    auto st = d.prepare("SELECT doc FROM products WHERE id = ?");
    st.bind(1, id);
    return stored_product(st, *codec_);
}

std::optional<Product> Replica::Reader::product_at(Db& d, std::int64_t rowid) {
    auto st = d.prepare("SELECT doc FROM products WHERE rowid = ?");
    st.bind(1, rowid);
    return stored_product(st, *codec_);
}

bool Replica::Reader::index_words(std::string_view stored, std::string& name, std::string& extra) {
    auto words = words_codec_ ? words_codec_->decompress(stored) : std::nullopt;
    if (!words) return false;
    const std::size_t cut = words->find('\n');
    name.assign(*words, 0, cut);
    extra = cut == std::string::npos ? std::string() : words->substr(cut + 1);
    return true;
}

std::optional<std::pair<Product, std::string>> Replica::Reader::lookup_code(const std::string& raw) {
    Db* d = db();
    if (!d) return std::nullopt;
    std::string code;
    for (char c : raw)
        if (c != ' ' && c != '\r' && c != '\n' && c != '\t') code += c;
    if (code.empty() || code.size() > 64) return std::nullopt;
    if (!current_) return std::nullopt;  // an older layout, until the next sync rebuilds it
    // The product holding the code, then its variant: an EAN by its number ("0012345678905" and
    // the UPC "012345678905" are one code), a SKU (or an EAN that is not a number) as text,
    // without case (the column is COLLATE NOCASE, so its key answers).
    auto variant_of = [&](const Product& p, bool numeric) -> std::optional<std::string> {
        const auto number = detail::numeric_code(code);
        for (const auto& v : p.variants) {
            if (numeric && number && detail::numeric_code(v.ean) == number) return v.sku;
            if (!numeric && (equal_ignoring_case(v.sku, code) || v.ean == code)) return v.sku;
        }
        return std::nullopt;
    };
    std::vector<std::pair<std::int64_t, bool>> candidates;
    if (auto number = detail::numeric_code(code)) {
        auto by_ean = d->prepare("SELECT product FROM eans WHERE code = ?");
        by_ean.bind(1, *number);
        if (by_ean.step()) candidates.emplace_back(by_ean.integer(0), true);
    }
    auto by_code = d->prepare("SELECT product FROM codes WHERE code = ? LIMIT 4");
    by_code.bind(1, code);
    while (by_code.step()) candidates.emplace_back(by_code.integer(0), false);
    for (const auto& [row, numeric] : candidates) {
        auto p = product_at(*d, row);
        if (!p) continue;
        if (auto sku = variant_of(*p, numeric)) return std::make_pair(std::move(*p), std::move(*sku));
    }
    auto by_ref = d->prepare("SELECT id FROM products WHERE ref = ? LIMIT 1");
    by_ref.bind(1, code);
    if (by_ref.step()) {
        auto p = product_in(*d, by_ref.text(0));
        if (p) return std::make_pair(std::move(*p), std::string());
    }
    return std::nullopt;
}

namespace {
// Parses the stored documents that `sql` selects with `parse`; empty when there is no replica.
template <class T>
std::vector<T> stored_list(Db* db, const char* sql, Result<std::vector<T>> (*parse)(const json&)) {
    if (!db) return {};
    auto st = db->prepare(sql);
    json all = json::array();
    while (st.step()) all.push_back(parse_json_or_discarded(st.text_view(0)));
    auto parsed = parse(all);
    return parsed.ok() ? std::move(parsed).value() : std::vector<T>{};
}
}  // namespace

std::vector<Category> Replica::Reader::categories() {
    return stored_list(db(), "SELECT doc FROM categories ORDER BY position", parse_categories);
}

std::vector<Store> Replica::Reader::stores() { return stored_list(db(), "SELECT doc FROM stores", parse_stores); }

std::int64_t Replica::Reader::product_count() {
    Db* d = db();
    if (!d) return 0;
    auto st = d->prepare("SELECT COUNT(*) FROM products");
    st.step();
    return st.integer(0);
}

ListingFacets Replica::Reader::facets(const std::string& category_id) {
    ListingFacets f;
    Db* d = db();
    if (!d) return f;
    if (!current_) return f;
    const std::string sample = category_id.empty()
                                   ? "SELECT rowid FROM products LIMIT 4000"
                                   : "SELECT product FROM product_categories WHERE category_id = ?1 LIMIT 4000";
    // Sizes and colours by how many of the sampled products have them (products.options).
    std::map<std::string, int> sizes, colors;
    Stmt options = d->prepare("SELECT options FROM products WHERE rowid IN (" + sample + ")");
    if (!category_id.empty()) options.bind(1, category_id);
    while (options.step()) {
        std::vector<std::string> its_sizes, its_colors;
        detail::decode_options(options.text_view(0), its_sizes, its_colors);
        for (const auto& s : std::set<std::string>(its_sizes.begin(), its_sizes.end())) ++sizes[s];
        for (const auto& c : std::set<std::string>(its_colors.begin(), its_colors.end())) ++colors[c];
    }
    auto most = [](const std::map<std::string, int>& counted, std::size_t n, std::vector<std::string>& into) {
        std::vector<std::pair<int, std::string>> order;
        for (const auto& [value, count] : counted) order.emplace_back(-count, value);
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size() && i < n; ++i) into.push_back(order[i].second);
    };
    most(sizes, 14, f.sizes);
    most(colors, 14, f.colors);
    Stmt brands = d->prepare("SELECT brand FROM products WHERE rowid IN (" + sample +
                             ") AND brand != '' GROUP BY brand ORDER BY COUNT(*) DESC, brand LIMIT 10");
    if (!category_id.empty()) brands.bind(1, category_id);
    while (brands.step()) f.brands.push_back(brands.text(0));
    // Sizes in a natural order: XXS..3XL first, then numbers by value, the rest as counted.
    static const std::vector<std::string> order = {"XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL"};
    std::stable_sort(f.sizes.begin(), f.sizes.end(), [](const std::string& a, const std::string& b) {
        auto ia = std::find(order.begin(), order.end(), a), ib = std::find(order.begin(), order.end(), b);
        if (ia != order.end() || ib != order.end()) return ia < ib;
        const bool na = !a.empty() && std::isdigit(static_cast<unsigned char>(a[0]));
        const bool nb = !b.empty() && std::isdigit(static_cast<unsigned char>(b[0]));
        if (na && nb) return std::atof(a.c_str()) < std::atof(b.c_str());
        return false;
    });
    return f;
}

std::unordered_set<std::string> Replica::Reader::products_of(const std::unordered_set<std::string>& skus) {
    std::unordered_set<std::string> out;
    Db* d = db();
    if (!d || skus.empty() || !current_) return out;
    // PRAGMA data_version changes when another connection (the sync) commits: variants may have
    // moved or gone, so what was cached is forgotten.
    auto version = d->prepare("PRAGMA data_version");
    const std::int64_t now = version.step() ? version.integer(0) : -1;
    if (open_path_ != cached_path_ || now != cached_version_) {
        product_of_sku_.clear();
        cached_path_ = open_path_;
        cached_version_ = now;
    }
    std::optional<Stmt> st;
    for (const std::string& sku : skus) {
        auto known = product_of_sku_.find(sku);
        if (known == product_of_sku_.end()) {
            if (!st) st.emplace(d->prepare("SELECT p.id FROM codes c CROSS JOIN products p ON p.rowid = c.product WHERE c.code = ? LIMIT 1"));
            st->reset();
            st->bind(1, sku);
            known = product_of_sku_.emplace(sku, st->step() ? st->text(0) : std::string()).first;
        }
        if (!known->second.empty()) out.insert(known->second);
    }
    return out;
}

}  // namespace catalog_client
