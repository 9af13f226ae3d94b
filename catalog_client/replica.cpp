#include "catalog_client/replica.hpp"

#include "catalog_client/json_bounded.hpp"
#include "catalog_client/search_terms.hpp"
#include "catalog_client/replica_files.hpp"
#include "catalog_client/snapshot.hpp"
#include "catalog_client/text_fold.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <unordered_set>
#include <utility>

namespace catalog_client {

namespace fs = std::filesystem;

using namespace detail;

namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}


// Adds the time from its construction to its end to `into` (SyncTimes).
class Lap {
public:
    explicit Lap(double& into) : into_(into), from_(std::chrono::steady_clock::now()) {}
    ~Lap() { into_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - from_).count(); }
    Lap(const Lap&) = delete;
    Lap& operator=(const Lap&) = delete;

private:
    double& into_;
    std::chrono::steady_clock::time_point from_;
};

Error storage_error(const std::exception& e) { return Error::of(ErrorKind::Storage, e.what()); }

// The words a product is found by. In its name: names in every language and the brand; beside
// it: the reference, the values of its options (colours with their labels in every language;
// sizes, capacities, screen sizes, tyre dimensions) and of its attributes (materials,
// composition). Its categories and the stems of its words are added as tokens by the Writer.
// Each part is read on its own, so that two values never make one measurement ("42" then "L").
struct SearchText {
    std::vector<std::string> name, extra;
};
SearchText search_text(const Product& p) {
    SearchText parts;
    for (const auto& [lang, name] : p.name.by_lang) parts.name.push_back(name);
    parts.name.push_back(p.brand);
    parts.extra.push_back(p.ref);
    std::unordered_set<std::string> seen;
    for (const auto& v : p.variants)
        for (const auto& [key, value] : v.options) {
            if (!seen.insert(key + "=" + value).second) continue;
            parts.extra.push_back(value);
            if (key != "color") continue;
            if (auto it = v.labels.find("color"); it != v.labels.end())
                for (const auto& [lang, label] : it->second.by_lang) parts.extra.push_back(label);
        }
    for (const auto& [lang, attrs] : p.attributes)
        for (const auto& [key, value] : attrs) parts.extra.push_back(value);
    return parts;
}

// The product's folded words, each once, separated by spaces (the `ascii` tokenizer splits on
// spaces only here, so FTS5 terms are exactly search.cpp's words). Two columns, so that ranking
// can weigh where a word was found: `name` holds the words of the names and the brand, their
// stems and a token per category (ancestors included: the feed lists them); `extra` the
// reference, option values and attributes (search_text) with their stems, less what `name`
// already holds. Words have their measurements understood (search_terms.hpp). Pure: a page's
// are computed on a worker thread while the page before it is written.
struct IndexText {
    std::string name, extra;
};
IndexText index_text(const Product& p) {
    IndexText out;
    std::unordered_set<std::string> mine;
    auto add = [&](std::string& text, const std::string& w) {
        if (!mine.insert(w).second) return;
        text += (text.empty() ? "" : " ") + w;
    };
    const SearchText parts = search_text(p);
    std::size_t budget = 4000;
    auto words_of_parts = [&](const std::vector<std::string>& texts) {
        std::vector<std::string> words;
        for (const auto& part : texts)
            for (auto& w : measured_words(part, 200, true)) {
                if (budget == 0) return words;
                --budget;
                words.push_back(std::move(w));
            }
        return words;
    };
    const std::vector<std::string> named = words_of_parts(parts.name), extra = words_of_parts(parts.extra);
    for (const auto& w : named) add(out.name, w);
    for (const auto& w : named)
        for (const auto& s : stems_of(w)) add(out.name, stem_token(s));
    for (const auto& c : p.category_ids) add(out.name, category_token(c));
    for (const auto& w : extra) add(out.extra, w);
    for (const auto& w : extra)
        for (const auto& s : stems_of(w)) add(out.extra, stem_token(s));
    return out;
}

// What a product's rows index besides its document: its variants' codes, sizes and colours, its
// categories, and a hash of all of them (products.shape: an update whose hash is unchanged
// leaves these rows alone).
struct IndexedRows {
    struct Variant {
        std::string sku, ean;
        bool online_only = false;
        std::string size, color;
    };
    std::vector<Variant> variants;        // by SKU
    std::vector<std::string> categories;  // sorted, each once
    std::string options;                  // products.options (detail::option_value)
    std::int64_t min_price = INT64_MAX;
    bool web_only = true;
    std::int64_t shape = 0;
};

IndexedRows indexed_rows(const Product& p) {
    IndexedRows r;
    for (const auto& v : p.variants) {
        r.min_price = std::min(r.min_price, v.online_price.amount);
        r.web_only = r.web_only && v.online_only;
        auto size = v.options.find("size");
        auto color = v.options.find("color");
        r.variants.push_back({v.sku, v.ean, v.online_only, size == v.options.end() ? std::string() : size->second,
                              color == v.options.end() ? std::string() : color->second});
    }
    std::sort(r.variants.begin(), r.variants.end(), [](const auto& a, const auto& b) { return a.sku < b.sku; });
    r.categories = p.category_ids;
    std::sort(r.categories.begin(), r.categories.end());
    r.categories.erase(std::unique(r.categories.begin(), r.categories.end()), r.categories.end());
    std::vector<std::pair<std::string, std::string>> size_color;
    for (const auto& v : r.variants) size_color.emplace_back(v.size, v.color);
    r.options = encode_options(size_color);
    // FNV-1a over every field, each closed by a zero byte.
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](std::string_view field) {
        for (char c : field) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        h = h * 1099511628211ull;
    };
    for (const auto& v : r.variants) {
        mix(v.sku);
        mix(v.ean);
        mix(v.online_only ? "1" : "0");
        mix(v.size);
        mix(v.color);
    }
    mix("categories");
    for (const auto& c : r.categories) mix(c);
    r.shape = static_cast<std::int64_t>(h);
    return r;
}

// products.words: the two columns of the product's full-text row, one line each.
std::string words_row(const IndexText& text) { return text.name + '\n' + text.extra; }

// Writes products and deletions with statements prepared once per sync.
// `fresh`: a full sync into an empty file, where only a product already written by this sync
// can be there (the snapshot may list a product again if it changed while being paged).
//
// The full-text index keeps no copy of its text (contentless): removing a product's row from it
// takes the words it was indexed with, read back from products.words (or, when those are
// damaged, computed again from its document). Its codes and categories are removed the same way,
// from what its stored document lists: no index by product is needed.
class Writer {
public:
    // `codec`, `words_codec`: the codecs of the documents and index words a delta's replica
    // holds; none for a full sync (trained by start()).
    Writer(Db& db, bool fresh, SyncTimes& times, std::optional<DocCodec> codec, std::optional<DocCodec> words_codec)
        : db_(db),
          fresh_(fresh),
          times_(times),
          codec_(std::move(codec)),
          words_codec_(std::move(words_codec)),
          find_(db.prepare("SELECT rowid, shape, words, doc FROM products WHERE id = ?")),
          put_(db.prepare("INSERT INTO products(id, doc, words, ref, brand, updated_at, min_price, web_only, options, shape) "
                          "VALUES(?,?,?,?,?,?,?,?,?,?) "
                          "ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, words = excluded.words, ref = excluded.ref, "
                          "brand = excluded.brand, updated_at = excluded.updated_at, min_price = excluded.min_price, "
                          "web_only = excluded.web_only, options = excluded.options, shape = excluded.shape")),
          put_code_(db.prepare("INSERT OR IGNORE INTO codes(code, product) VALUES(?,?)")),
          drop_code_(db.prepare("DELETE FROM codes WHERE code = ? AND product = ?")),
          put_ean_(db.prepare("INSERT OR REPLACE INTO eans(code, product) VALUES(?,?)")),
          drop_ean_(db.prepare("DELETE FROM eans WHERE code = ? AND product = ?")),
          put_category_(db.prepare("INSERT OR IGNORE INTO product_categories(category_id, product) VALUES(?,?)")),
          drop_category_(db.prepare("DELETE FROM product_categories WHERE category_id = ? AND product = ?")),
          put_search_(db.prepare("INSERT INTO search(rowid, name, extra) VALUES(?,?,?)")),
          drop_search_(db.prepare("INSERT INTO search(search, rowid, name, extra) VALUES('delete', ?, ?, ?)")),
          drop_product_(db.prepare("DELETE FROM products WHERE rowid = ?")),
          put_term_(db.prepare("INSERT INTO terms(term, in_name) VALUES(?, ?) "
                               "ON CONFLICT(term) DO UPDATE SET in_name = MAX(in_name, excluded.in_name)")),
          put_token_(db.prepare("INSERT INTO tokens(token, in_name) VALUES(?, ?) "
                                "ON CONFLICT(token) DO UPDATE SET in_name = MAX(in_name, excluded.in_name)")) {}

    // Before the first page of a full sync: trains the dictionaries of the documents and of the
    // index words on it and keeps them in the replica (a delta has those its full sync trained).
    void start(const ChangePage& first, const std::vector<IndexText>& words) {
        if (codec_) return;
        std::vector<std::string> owned;
        std::vector<std::string_view> samples;
        for (const auto& c : first.changes)
            if (c.product) owned.push_back(c.raw.empty() ? to_json(*c.product).dump() : c.raw);
        for (const auto& o : owned) samples.push_back(o);
        codec_.emplace(DocCodec::trained(samples));
        owned.clear();
        samples.clear();
        for (std::size_t i = 0; i < words.size(); ++i)
            if (first.changes[i].product) owned.push_back(words_row(words[i]));
        for (const auto& o : owned) samples.push_back(o);
        words_codec_.emplace(DocCodec::trained(samples));
        auto keep = db_.prepare("INSERT OR REPLACE INTO dictionary(id, bytes) VALUES(?, ?)");
        keep.bind(1, 1).bind_blob(2, codec_->dictionary()).run();
        keep.bind(1, 2).bind_blob(2, words_codec_->dictionary()).run();
    }

    // `raw`: the product's JSON as the server sent it, stored as is (compressed); empty:
    // serialised from `p`.
    // An update rewrites the codes, categories and index words only when they changed (a price
    // change, the commonest, touches the product row alone: fewer pages written).
    void upsert(const Product& p, std::string_view raw, const IndexText& text) {
        std::optional<Lap> lap(std::in_place, times_.vocabulary);
        const IndexedRows rows = indexed_rows(p);
        const std::string words = words_row(text);
        learn(text);
        lap.emplace(times_.compare);
        bool may_exist = !fresh_ || !seen_.insert(p.id).second;
        Had had = may_exist ? read(p.id, rows.shape, false) : Had{};
        const bool same_text = had.row && had.words == words;
        const bool same_rows = had.row && had.shape == rows.shape;
        lap.emplace(times_.search);
        if (had.row && !same_text) unindex(had);
        lap.emplace(times_.documents);
        put_.bind(1, p.id).bind_blob(2, codec_->compress(raw.empty() ? std::string_view(to_json(p).dump()) : raw))
            .bind_blob(3, words_codec_->compress(words)).bind(4, p.ref).bind(5, p.brand).bind(6, p.updated_at)
            .bind(7, rows.min_price).bind(8, rows.web_only ? 1 : 0).bind(9, rows.options).bind(10, rows.shape).run();
        // An update keeps the row (and its rank); a new product is the row just inserted.
        const std::int64_t row = had.row ? had.row : db_.last_insert_rowid();
        lap.emplace(times_.rows);
        if (!same_rows) {
            if (had.row) drop_rows(had);
            put_rows(rows, row);
        }
        lap.emplace(times_.search);
        if (!same_text) put_search_.bind(1, row).bind(2, text.name).bind(3, text.extra).run();
    }

    // New vocabulary since the last call: readers must read it again (Search keys its copy on
    // meta('vocabulary') as well as on the cursor, which a backend may leave unchanged).
    bool take_learned() { return std::exchange(learned_, false); }

    void remove(const std::string& id) {
        Had had = read(id, 0, true);
        if (!had.row) return;
        unindex(had);
        drop_rows(had);
        drop_product_.bind(1, had.row).run();
    }

    // A product's index words or rows could not be read back, so some of its old index entries
    // may remain: the replica must be built again (delta_sync sees meta('damaged')).
    bool damaged() const { return damaged_; }

private:
    // What the replica holds of a product: its row, the hash of its indexed rows, its index words
    // and, when they are needed (its rows changed, or its words cannot be read), its document.
    struct Had {
        std::int64_t row = 0;
        std::int64_t shape = 0;
        std::string words;
        bool words_read = false;
        std::optional<Product> product;  // parsed from its document, when needed and readable
    };
    // `shape`: the hash of the rows the update writes (its document is read when they differ);
    // `all`: read the document whatever the hash (a removal).
    Had read(const std::string& id, std::int64_t shape, bool all) {
        Had had;
        find_.bind(1, id);
        if (find_.step()) {
            had.row = find_.integer(0);
            had.shape = find_.integer(1);
            if (auto w = words_codec_->decompress(find_.blob_view(2))) {
                had.words = std::move(*w);
                had.words_read = true;
            }
            const bool need_doc = all || had.shape != shape || !had.words_read;
            std::optional<std::string> doc = need_doc ? codec_->read(find_.blob_view(3)) : std::nullopt;
            if (doc) {
                auto parsed = parse_product(parse_json_or_discarded(*doc));
                if (parsed.ok()) had.product = std::move(parsed).value();
            }
            if (!had.words_read && had.product) {
                had.words = words_row(index_text(*had.product));
                had.words_read = true;
            }
        }
        find_.reset();
        return had;
    }
    // Takes the product's row out of the full-text index.
    void unindex(const Had& had) {
        if (!had.words_read) {
            damaged_ = true;
            return;
        }
        const std::size_t cut = had.words.find('\n');
        const std::string_view all(had.words);
        drop_search_.bind(1, had.row).bind(2, all.substr(0, cut)).bind(3, cut == std::string::npos ? "" : all.substr(cut + 1)).run();
    }
    void put_rows(const IndexedRows& rows, std::int64_t row) {
        for (const auto& v : rows.variants) {
            if (!v.sku.empty()) put_code_.bind(1, v.sku).bind(2, row).run();
            if (auto n = numeric_code(v.ean)) put_ean_.bind(1, *n).bind(2, row).run();
            else if (!v.ean.empty()) put_code_.bind(1, v.ean).bind(2, row).run();
        }
        for (const auto& c : rows.categories) put_category_.bind(1, c).bind(2, row).run();
    }
    void drop_rows(const Had& had) {
        if (!had.product) {
            damaged_ = true;
            return;
        }
        const IndexedRows rows = indexed_rows(*had.product);
        for (const auto& v : rows.variants) {
            if (!v.sku.empty()) drop_code_.bind(1, v.sku).bind(2, had.row).run();
            if (auto n = numeric_code(v.ean)) drop_ean_.bind(1, *n).bind(2, had.row).run();
            else if (!v.ean.empty()) drop_code_.bind(1, v.ean).bind(2, had.row).run();
        }
        for (const auto& c : rows.categories) drop_category_.bind(1, c).bind(2, had.row).run();
    }
    // Adds the words and tokens of `text` that are new to their table, with whether some product
    // holds them in its name (search skips the name tiers of a query with a word no name holds).
    void learn(const IndexText& text) {
        for (const std::string* column : {&text.name, &text.extra}) {
            const bool named = column == &text.name;
            std::size_t from = 0;
            while (from < column->size()) {
                std::size_t to = column->find(' ', from);
                if (to == std::string::npos) to = column->size();
                const std::string w = column->substr(from, to - from);
                from = to + 1;
                const bool marked = is_marked_token(w);
                auto& known = marked ? tokens_ : terms_;
                auto it = known.find(w);
                if (it != known.end() && (it->second || !named)) continue;
                (marked ? put_token_ : put_term_).bind(1, w).bind(2, named ? 1 : 0).run();
                known[w] = named;
                learned_ = true;
            }
        }
    }
    Db& db_;
    bool fresh_;
    SyncTimes& times_;
    std::optional<DocCodec> codec_, words_codec_;  // given, or trained by start()
    bool learned_ = false;
    bool damaged_ = false;
    std::unordered_set<std::string> seen_;  // with fresh_: the products written so far
    Stmt find_, put_, put_code_, drop_code_, put_ean_, drop_ean_, put_category_, drop_category_, put_search_, drop_search_,
        drop_product_, put_term_, put_token_;
    // Terms (and stem and category tokens) already in their table, and whether as in a name.
    std::unordered_map<std::string, bool> terms_, tokens_;
};

void store_reference_data(Db& db, const std::vector<Category>& categories, const std::vector<Store>& stores) {
    db.exec("DELETE FROM categories; DELETE FROM stores;");
    auto cat = db.prepare("INSERT INTO categories(id, parent_id, position, doc) VALUES(?,?,?,?)");
    for (const auto& c : categories) cat.bind(1, c.id).bind(2, c.parent_id).bind(3, c.position).bind(4, to_json(c).dump()).run();
    auto st = db.prepare("INSERT INTO stores(id, doc) VALUES(?,?)");
    for (const auto& s : stores) st.bind(1, s.id).bind(2, to_json(s).dump()).run();
}

// Removes every product that is not in `ids` (a backend that lists its ids instead of sending
// deletions); returns how many went.
std::int64_t remove_all_but(Db& db, Writer& writer, const std::vector<std::string>& ids) {
    std::unordered_set<std::string> keep(ids.begin(), ids.end());
    std::vector<std::string> gone;
    auto all = db.prepare("SELECT id FROM products");
    while (all.step()) {
        std::string id = all.text(0);
        if (!keep.count(id)) gone.push_back(std::move(id));
    }
    for (const auto& id : gone) writer.remove(id);
    return static_cast<std::int64_t>(gone.size());
}

// Applies pages from `cursor` until the end. Each page and its cursor commit together.
// `codec`, `words_codec`: the replica's codecs for a delta; none for a full sync into an empty file.
// The next page is requested (and parsed, on the network thread) while this one is written.
Result<Unit> pull(Db& db, CommerceApi& api, std::string cursor, int page_size, std::optional<DocCodec> codec,
                  std::optional<DocCodec> words_codec, SyncReport& report,
                  const std::function<void(const SyncReport&)>& progress) {
    const bool fresh = !codec;
    Writer writer(db, fresh, report.times, std::move(codec), std::move(words_codec));
    struct Pending {
        CommerceApi& api;
        RequestId id = 0;
        std::future<Result<ChangePage>> page;
        void fetch(const std::string& from, int size) {
            auto promise = std::make_shared<std::promise<Result<ChangePage>>>();
            page = promise->get_future();
            id = api.changes(from, size, [promise](Result<ChangePage> r) { promise->set_value(std::move(r)); });
        }
        ~Pending() {  // leaving early (an error): the page asked for ahead is not needed
            if (page.valid()) {
                api.transport().cancel(id);
                page.wait();
            }
        }
    } pending{api, 0, {}};
    // A page and the words of its products (computed on a worker thread while the page before
    // it is written; `words[i]` for `changes[i]`, empty for a deletion).
    struct Prepared {
        ChangePage page;
        std::vector<IndexText> words;
    };
    auto write = [&](const Prepared& prepared) {
        const ChangePage& page = prepared.page;
        writer.start(page, prepared.words);
        Transaction tx(db, true);
        for (std::size_t i = 0; i < page.changes.size(); ++i) {
            const Change& change = page.changes[i];
            if (change.deleted) {
                writer.remove(change.product_id);
                ++report.deletes;
            } else {
                writer.upsert(*change.product, change.raw, prepared.words[i]);
                ++report.upserts;
            }
        }
        if (page.all_ids) report.deletes += remove_all_but(db, writer, *page.all_ids);
        for (const auto& why : page.skipped) {
            ++report.skipped;
            if (report.skipped_examples.size() < 10) report.skipped_examples.push_back(why);
        }
        db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('cursor', ?)").bind(1, page.next_cursor).run();
        if (writer.damaged()) db.exec("INSERT OR REPLACE INTO meta(key, value) VALUES('damaged', '1')");
        if (writer.take_learned())
            db.exec("INSERT INTO meta(key, value) VALUES('vocabulary', '1') ON CONFLICT(key) DO UPDATE SET "
                    "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
        {
            Lap lap(report.times.commits);
            tx.commit();
        }
        ++report.pages;
        if (progress) progress(report);
    };
    pending.fetch(cursor, page_size);
    std::optional<Prepared> ready;  // the page before this one, its words computed, not written yet
    for (;;) {
        std::optional<Result<ChangePage>> got;
        {
            Lap lap(report.times.waiting);
            got.emplace(pending.page.get());
        }
        if (!got->ok()) {
            if (ready) write(*ready);  // a delta keeps what it had (a full sync's file is dropped anyway)
            return got->error();
        }
        ChangePage& page = got->value();
        report.times.bytes += static_cast<std::int64_t>(page.body_bytes);
        report.times.parse += page.parse_seconds;
        if (page.has_more) pending.fetch(page.next_cursor, page_size);
        auto words = std::async(std::launch::async, [&page] {
            const auto started = std::chrono::steady_clock::now();
            std::vector<IndexText> out(page.changes.size());
            for (std::size_t i = 0; i < out.size(); ++i)
                if (page.changes[i].product) out[i] = index_text(*page.changes[i].product);
            return std::make_pair(std::move(out), std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        });
        if (ready) write(*ready);
        std::optional<std::pair<std::vector<IndexText>, double>> done;
        {
            Lap lap(report.times.waiting);  // the words took longer than writing the page before
            done.emplace(words.get());
        }
        auto& [computed, seconds] = *done;
        report.times.words += seconds;
        ready.emplace(Prepared{std::move(page), std::move(computed)});
        if (!ready->page.has_more) {
            write(*ready);
            return Unit{};
        }
    }
}

// Categories and stores through the typed calls (their answer caps, bounded parsing and
// validation); the replica keeps what was read, re-serialised.
Result<Unit> refresh_reference(Db& db, CommerceApi& api) {
    auto cats = wait<std::vector<Category>>([&](auto done) { api.categories(done); });
    if (!cats.ok()) return cats.error();
    auto stores = wait<std::vector<Store>>([&](auto done) { api.stores(done); });
    if (!stores.ok()) return stores.error();
    Transaction tx(db, true);
    store_reference_data(db, cats.value(), stores.value());
    tx.commit();
    return Unit{};
}

void finish_meta(Db& db, CommerceApi& api) {
    db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('synced_at', ?)").bind(1, std::to_string(unix_now())).run();
    db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('api', ?)").bind(1, api.base_url()).run();
}

}  // namespace

namespace detail {
std::string option_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value)
        if (c != '\x1e' && c != '\x1f') out += c;
    return out;
}

std::string encode_options(const std::vector<std::pair<std::string, std::string>>& size_color) {
    std::set<std::pair<std::string, std::string>> pairs;
    std::set<std::string> sizes, colors;
    for (const auto& [size, color] : size_color) {
        pairs.emplace(option_value(size), option_value(color));
        sizes.insert(option_value(size));
        colors.insert(option_value(color));
    }
    std::string out = "\x1e";
    const bool grid = !pairs.empty() && !sizes.count("") && !colors.count("") && sizes.size() * colors.size() == pairs.size();
    if (grid) {
        for (const auto& s : sizes) out += s + '\x1e';
        out += '\x1f';
        for (const auto& c : colors) out += c + '\x1f';
    } else {
        for (const auto& [size, color] : pairs) out += size + '\x1f' + color + '\x1e';
    }
    return out;
}

std::string options_condition(const std::string& column, const std::string& size_value, const std::string& color_value,
                              std::vector<std::string>& params) {
    const std::string size = option_value(size_value), color = option_value(color_value);
    auto in = [&](std::string pattern) {
        params.push_back(std::move(pattern));
        return "instr(" + column + ", ?) > 0";
    };
    // A pair's pattern, or (a grid's) the size among the sizes and the colour among the colours.
    // (Built one step at a time: the parameters go in the order of their "?".)
    std::string sql = "(";
    if (!size.empty() && !color.empty()) {
        sql += in("\x1e" + size + "\x1f" + color + "\x1e");
        sql += " OR (" + in("\x1e" + size + "\x1e");
        sql += " AND " + in("\x1f" + color + "\x1f");
        return sql + "))";
    }
    if (!size.empty()) {
        sql += in("\x1e" + size + "\x1f");
        return sql + " OR " + in("\x1e" + size + "\x1e") + ")";
    }
    if (!color.empty()) {
        sql += in("\x1f" + color + "\x1e");
        return sql + " OR " + in("\x1f" + color + "\x1f") + ")";
    }
    return "";
}

void decode_options(std::string_view options, std::vector<std::string>& sizes, std::vector<std::string>& colors) {
    auto split = [](std::string_view text, char by, std::vector<std::string>& into) {
        std::size_t from = 0;
        while (from < text.size()) {
            std::size_t to = text.find(by, from);
            if (to == std::string_view::npos) to = text.size();
            if (to > from) into.emplace_back(text.substr(from, to - from));
            from = to + 1;
        }
    };
    if (!options.empty() && options.back() == '\x1f') {  // a grid
        const std::size_t cut = options.find('\x1f');
        split(options.substr(0, cut), '\x1e', sizes);
        split(options.substr(cut), '\x1f', colors);
        return;
    }
    std::vector<std::string> pairs;
    split(options, '\x1e', pairs);
    for (const auto& pair : pairs) {
        const std::size_t cut = pair.find('\x1f');
        if (cut == std::string::npos) continue;
        if (cut > 0) sizes.push_back(pair.substr(0, cut));
        if (cut + 1 < pair.size()) colors.push_back(pair.substr(cut + 1));
    }
}

std::optional<std::int64_t> numeric_code(std::string_view code) {
    if (code.empty() || code.size() > 18) return std::nullopt;
    std::int64_t n = 0;
    for (char c : code) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}
}  // namespace detail

static void create_tables(Db& db);
static void create_code_indexes(Db& db);

void create_replica_schema(Db& db) {
    create_tables(db);
    create_code_indexes(db);
}

static void create_tables(Db& db) {
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dictionary(id INTEGER PRIMARY KEY CHECK (id IN (1, 2)), bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS products(
  id TEXT NOT NULL UNIQUE, doc BLOB NOT NULL, words BLOB NOT NULL, ref TEXT NOT NULL COLLATE NOCASE, brand TEXT NOT NULL,
  updated_at TEXT NOT NULL, min_price INTEGER NOT NULL, web_only INTEGER NOT NULL, options TEXT NOT NULL,
  shape INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS codes(
  code TEXT NOT NULL COLLATE NOCASE, product INTEGER NOT NULL, PRIMARY KEY(code, product)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS eans(code INTEGER PRIMARY KEY, product INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS product_categories(
  category_id TEXT NOT NULL, product INTEGER NOT NULL, PRIMARY KEY(category_id, product)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS categories(id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stores(id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(name, extra, content = '', tokenize = 'ascii', prefix = '1 2 3',
  detail = column, columnsize = 0);
CREATE TABLE IF NOT EXISTS terms(term TEXT PRIMARY KEY, in_name INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens(token TEXT PRIMARY KEY, in_name INTEGER NOT NULL) WITHOUT ROWID;
)sql");
    db.set_meta("schema", kReplicaSchema);
}

// The index only lookups by reference read: a full sync builds it once at the end (one sort),
// not row by row.
static void create_code_indexes(Db& db) {
    db.exec("CREATE INDEX IF NOT EXISTS products_by_ref ON products(ref);");
}

Replica::Replica(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw std::runtime_error("cannot create the replica directory " + dir_ + ": " + ec.message());
    // Generations left over by an earlier run; not while a sync (of another process) runs.
    SyncLock lock(dir_, false);
    if (lock.held()) remove_old_generations();
}

Result<SyncReport> Replica::sync(CommerceApi& api, int page_size,
                                 const std::function<void(const SyncReport&)>& progress) {
    auto started = std::chrono::steady_clock::now();
    SyncLock lock(dir_, true);
    if (!lock.held()) return Error::of(ErrorKind::Storage, "cannot lock " + dir_ + "/sync.lock: " + std::strerror(errno));
    remove_old_generations();
    SyncReport report;
    bool snapshot_tried = !snapshots_;
    for (;;) {
        std::error_code ec;
        const std::string path = db_path();
        bool rebuild = !fs::exists(path, ec);
        if (!rebuild) {
            auto delta = delta_sync(path, api, page_size, report, progress);
            if (!delta.ok()) return delta.error();
            rebuild = delta.value();
        }
        if (!rebuild) break;
        // From scratch: a snapshot when the server has one of this layout, else the feed.
        if (!snapshot_tried) {
            snapshot_tried = true;
            auto installed = bootstrap(api, report);
            if (!installed.ok()) return installed.error();
            if (installed.value()) continue;  // then the delta from the snapshot's cursor
        }
        auto full = full_sync(api, page_size, progress);
        if (full.ok()) full.value().snapshot_skipped = report.snapshot_skipped;
        return full;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

Result<bool> Replica::delta_sync(const std::string& path, CommerceApi& api, int page_size, SyncReport& report,
                                 const std::function<void(const SyncReport&)>& progress) {
    try {
        Db db(path, Db::Mode::ReadWrite);
        // A delta touches pages all over a large file: a 64 MB cache keeps the B-tree interiors
        // in memory, and the write-ahead log is copied back once at the end rather than every
        // 1 000 pages (readers keep reading from the log meanwhile).
        db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
                "PRAGMA wal_autocheckpoint = 50000;");
        std::string cursor;
        {
            auto st = db.prepare("SELECT value FROM meta WHERE key = 'cursor'");
            if (st.step()) cursor = st.text(0);
        }
        std::optional<DocCodec> codec, words;  // its dictionaries (a damaged one: rebuilt)
        try {
            codec.emplace(document_codec(db));
            words.emplace(words_codec(db));
        } catch (const DbError&) {
        }
        if (cursor.empty() || db.meta("schema") != std::optional<std::string>(kReplicaSchema) || !codec || !words ||
            db.meta("damaged"))
            return true;
        if (auto ref = refresh_reference(db, api); !ref.ok()) return ref.error();
        auto pulled = pull(db, api, cursor, page_size, std::move(codec), std::move(words), report, progress);
        if (!pulled.ok() && pulled.error().http_status != 410) return pulled.error();
        if (!pulled.ok()) return true;
        // Some product's old index entries could not be removed (its words and document both
        // unreadable): built again now rather than searched with entries left behind.
        if (db.meta("damaged")) return true;
        finish_meta(db, api);
        db.exec("PRAGMA wal_checkpoint(PASSIVE)");  // never waits for readers
    } catch (const DbError& e) {
        return storage_error(e);
    }
    // This sync's connection to the generation in use is closed here: a rebuild writes a file of
    // its own and never touches this one (readers may still be reading it).
    return false;
}

Result<bool> Replica::bootstrap(CommerceApi& api, SyncReport& report) {
    auto manifest = wait<SnapshotManifest>([&](auto done) { api.snapshot(done); });
    if (!manifest.ok()) {
        report.snapshot_skipped = "no snapshot: " + describe(manifest.error());
        return false;
    }
    const SnapshotManifest& m = manifest.value();
    if (m.layout != kReplicaSchema) {
        report.snapshot_skipped = "the snapshot is of replica layout " + m.layout + ", this kiosk reads " + kReplicaSchema;
        return false;
    }
    // One download at a time: the .part of an older snapshot is of no use any more.
    const std::string part_name = "snapshot-" + m.sha256 + ".part";
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("snapshot-", 0) == 0 && name != part_name) fs::remove(it->path(), ec);
    }
    const std::string name = next_generation();
    const std::string fresh = dir_ + "/" + name;
    SnapshotFetch fetch;
    auto got = fetch_snapshot(api, m, dir_ + "/" + part_name, fresh, fetch);
    report.times.snapshot_download += fetch.download_s;
    report.times.snapshot_install += fetch.install_s;
    report.times.bytes += static_cast<std::int64_t>(fetch.downloaded);
    report.snapshot_resumed_from = fetch.resumed_from;
    if (!got.ok()) {
        // A bad snapshot, or one the server no longer has: the feed. Anything else (the network,
        // the disk) is this sync's error; the next one resumes the download.
        if (got.error().kind == ErrorKind::Parse || got.error().http_status == 404) {
            report.snapshot_skipped = describe(got.error());
            return false;
        }
        return got.error();
    }
    try {
        fsync_path(fresh, false);
        write_pointer(dir_, name);
    } catch (const std::exception& e) {
        return storage_error(e);
    }
    report.full = true;
    report.snapshot = true;
    remove_old_generations();
    return true;
}

Result<SyncReport> Replica::full_sync(CommerceApi& api, int page_size,
                                      const std::function<void(const SyncReport&)>& progress) {
    auto started = std::chrono::steady_clock::now();
    SyncReport report;
    report.full = true;
    const std::string name = next_generation();
    const std::string fresh = dir_ + "/" + name;
    remove_database(fresh);
    // A failed full sync leaves no partial file behind, and never touches the generation in use.
    struct Cleanup {
        std::string path;
        bool armed = true;
        ~Cleanup() {
            if (armed) remove_database(path);
        }
    } cleanup{fresh};
    try {
        {
            Db db(fresh, Db::Mode::ReadWriteCreate);
            // A file nobody reads yet, discarded if anything fails: no journal, no syncs, 8 KB
            // pages (most product documents fit one), a 64 MB cache; WAL once complete.
            db.exec("PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;");
            create_tables(db);
            if (auto ref = refresh_reference(db, api); !ref.ok()) return ref.error();
            auto pulled = pull(db, api, "", page_size, std::nullopt, std::nullopt, report, progress);
            if (!pulled.ok()) return pulled.error();  // the replica in use is untouched
            {
                Lap lap(report.times.code_indexes);
                create_code_indexes(db);
            }
            finish_meta(db, api);
            // One segment per index level: fewer B-tree descents for every search afterwards.
            {
                Lap lap(report.times.optimize);
                db.exec("INSERT INTO search(search) VALUES('optimize')");
            }
            Lap lap(report.times.finish);
            db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(TRUNCATE);");
        }  // closed: no -wal or -shm left beside the new file
        Lap lap(report.times.finish);
        fsync_path(fresh, false);
        write_pointer(dir_, name);
        cleanup.armed = false;
        remove_old_generations();
    } catch (const std::exception& e) {
        return storage_error(e);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

ReplicaStatus Replica::status() const {
    ReplicaStatus s;
    std::error_code ec;
    const std::string path = db_path();
    if (!fs::exists(path, ec)) return s;
    try {
        Db db(path, Db::Mode::ReadOnly);
        auto meta = db.prepare("SELECT key, value FROM meta");
        while (meta.step()) {
            std::string key = meta.text(0);
            if (key == "cursor") s.cursor = meta.text(1);
            else if (key == "synced_at") s.synced_at = std::stoll(meta.text(1));
            else if (key == "api") s.api = meta.text(1);
            else if (key == "schema") s.current = meta.text(1) == kReplicaSchema;
        }
        auto count = db.prepare("SELECT COUNT(*) FROM products");
        count.step();
        s.products = count.integer(0);
        s.exists = true;
    } catch (const std::exception&) {
        s.exists = false;
    }
    return s;
}

}  // namespace catalog_client
