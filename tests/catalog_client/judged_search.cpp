#include "judged_search.hpp"

#include "catalog_client/model_json.hpp"
#include "catalog_client/sqlite.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <unordered_map>

namespace judged {

using namespace catalog_client;

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
        const auto at = s.find(sep, from);
        out.push_back(s.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) return out;
        from = at + 1;
    }
}

// " w1 w2 ... ": folded words between spaces, so that a phrase is found whole.
std::string spaced_words(const std::string& text) {
    std::string out = " ";
    for (const auto& w : words_of(text, 256)) out += w + " ";
    return out;
}

struct Judged {
    std::string id, ref, brand, names;  // names: spaced_words of every language's name
    std::vector<std::string> categories;
    std::vector<Variant> variants;
};

bool any_equal(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

bool variant_meets(const Variant& v, const std::vector<Criterion>& criteria) {
    for (const auto& c : criteria) {
        if (c.key == "opt") {
            bool any = false;
            for (const auto& [key, value] : v.options) any = any || (key != "color" && any_equal(c.values, value));
            if (!any) return false;
        } else if (c.key == "color") {
            auto it = v.options.find("color");
            if (it == v.options.end() || !any_equal(c.values, it->second)) return false;
        }
    }
    return true;
}

bool relevant(const Judged& p, const std::vector<Criterion>& criteria) {
    bool per_variant = false;
    for (const auto& c : criteria) {
        if (c.key == "cat") {
            if (std::none_of(c.values.begin(), c.values.end(), [&](const std::string& v) { return any_equal(p.categories, v); }))
                return false;
        } else if (c.key == "brand") {
            if (!any_equal(c.values, p.brand)) return false;
        } else if (c.key == "id") {
            if (!any_equal(c.values, p.id)) return false;
        } else if (c.key == "name") {
            if (std::none_of(c.values.begin(), c.values.end(), [&](const std::string& v) {
                    return p.names.find(spaced_words(v)) != std::string::npos;
                }))
                return false;
        } else {
            per_variant = true;
        }
    }
    return !per_variant ||
           std::any_of(p.variants.begin(), p.variants.end(), [&](const Variant& v) { return variant_meets(v, criteria); });
}

// The query as typed: placeholders replaced by the product's codes; empty when the product is
// not in this catalogue.
std::string typed_text(const std::string& text, const std::unordered_map<std::string, const Judged*>& by_id) {
    std::string out = text;
    const auto open = out.find('{');
    if (open == std::string::npos) return out;
    const auto close = out.find('}', open);
    const auto parts = split(out.substr(open + 1, close - open - 1), ' ');
    auto it = by_id.find(parts.size() == 2 ? parts[1] : "");
    if (it == by_id.end()) return {};
    const Judged& p = *it->second;
    std::string code;
    if (parts[0] == "ref") code = p.ref;
    else if (parts[0] == "refl") code = fold(p.ref);
    else if (parts[0] == "ean" && !p.variants.empty()) code = p.variants.front().ean;
    else if (parts[0] == "sku" && !p.variants.empty()) code = p.variants.front().sku;
    if (code.empty()) return {};
    return out.replace(open, close - open + 1, code);
}

void add(Figures& f, bool answered, bool zero, bool success, double ndcg) {
    ++f.queries;
    if (!answered) return;
    ++f.answered;
    f.zero += zero ? 1 : 0;
    f.success += success ? 1 : 0;
    f.ndcg_sum += ndcg;
}

}  // namespace

std::vector<JudgedQuery> load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<JudgedQuery> out;
    std::string line;
    static const std::vector<std::string> keys = {"cat", "brand", "name", "opt", "color", "id"};
    for (int number = 1; std::getline(in, line); ++number) {
        if (trim(line).empty() || trim(line)[0] == '#') continue;
        auto where = [&] { return path + ":" + std::to_string(number) + ": "; };
        const auto fields = split(line, '\t');
        if (fields.size() != 3) throw std::runtime_error(where() + "expected kind, query and criteria separated by tabs");
        JudgedQuery q;
        q.line = number;
        q.kind = trim(fields[0]);
        q.text = trim(fields[1]);
        if (q.kind.empty() || q.text.empty()) throw std::runtime_error(where() + "empty kind or query");
        for (const auto& part : split(fields[2], ';')) {
            const auto eq = part.find('=');
            if (eq == std::string::npos) throw std::runtime_error(where() + "criterion without '=': " + trim(part));
            Criterion c;
            c.key = trim(part.substr(0, eq));
            if (!any_equal(keys, c.key)) throw std::runtime_error(where() + "unknown criterion " + c.key);
            for (const auto& v : split(part.substr(eq + 1), '|'))
                if (!trim(v).empty()) c.values.push_back(trim(v));
            if (c.values.empty()) throw std::runtime_error(where() + "criterion " + c.key + " without a value");
            q.criteria.push_back(std::move(c));
        }
        out.push_back(std::move(q));
    }
    return out;
}

Report evaluate(const Replica& replica, Search& search, const std::vector<JudgedQuery>& queries) {
    std::vector<Judged> products;
    {
        Db db(replica.db_path(), Db::Mode::ReadOnly);
        DocCodec codec = document_codec(db);
        for (auto st = db.prepare("SELECT doc FROM products ORDER BY rowid"); st.step();) {
            auto text = codec.read(st.blob_view(0));
            auto parsed = parse_product(json::parse(text ? *text : std::string("{}"), nullptr, false));
            if (!parsed.ok()) continue;
            Product& p = parsed.value();
            Judged j;
            j.id = p.id;
            j.ref = p.ref;
            j.brand = p.brand;
            for (const auto& [lang, name] : p.name.by_lang) j.names += spaced_words(name);
            j.categories = std::move(p.category_ids);
            j.variants = std::move(p.variants);
            products.push_back(std::move(j));
        }
    }
    std::unordered_map<std::string, const Judged*> by_id;
    for (const auto& p : products) by_id[p.id] = &p;

    Report report;
    for (const auto& q : queries) {
        const std::string text = typed_text(q.text, by_id);
        std::size_t relevant_count = 0;
        std::unordered_map<std::string, bool> is_relevant;
        for (const auto& p : products)
            if (!text.empty() && relevant(p, q.criteria)) {
                ++relevant_count;
                is_relevant[p.id] = true;
            }
        const std::string shown = q.kind + " \"" + (text.empty() ? q.text : text) + "\"";
        if (relevant_count == 0) {
            report.unanswered.push_back(shown);
            add(report.all, false, false, false, 0);
            add(report.by_kind[q.kind], false, false, false, 0);
            continue;
        }
        SearchQuery sq;
        sq.text = text;
        sq.limit = 10;
        const SearchPage page = search.run(sq);
        double dcg = 0, ideal = 0;
        bool success = false;
        for (std::size_t i = 0; i < page.hits.size() && i < 10; ++i)
            if (is_relevant.count(page.hits[i].product_id)) {
                dcg += 1.0 / std::log2(static_cast<double>(i) + 2);
                success = true;
            }
        for (std::size_t i = 0; i < relevant_count && i < 10; ++i) ideal += 1.0 / std::log2(static_cast<double>(i) + 2);
        const bool zero = page.hits.empty();
        if (!success)
            report.misses.push_back(shown + (zero ? ": nothing found" : ": " + std::to_string(page.total) + " results, none relevant in the top 10"));
        add(report.all, true, zero, success, dcg / ideal);
        add(report.by_kind[q.kind], true, zero, success, dcg / ideal);
    }
    return report;
}

}  // namespace judged
