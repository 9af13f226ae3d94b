// The sync feed's pages: one parser over nlohmann::json (tests, small pages) and one over the
// one-pass document (the replica's full sync).
#include "catalog_client/model_json.hpp"

#include "catalog_client/fast_json.hpp"
#include "catalog_client/field_reader.hpp"

namespace catalog_client {

using namespace detail;

namespace {
template <class J>
Result<ChangePage> parse_changes(const J& doc, std::vector<std::size_t>* item_of) {
    ReaderT<J> r;
    ChangePage page;
    const J* changes = r.array(doc, "changes", "", true, 10000);
    page.next_cursor = r.str(doc, "next_cursor", "", true, 1000);
    page.has_more = r.boolean(doc, "has_more", "", true);
    if (!r.ok()) return r.error();
    if (page.next_cursor.empty()) return Error::of(ErrorKind::Parse, "next_cursor: empty");
    for (std::size_t i = 0; i < changes->size(); ++i) {
        ReaderT<J> item;
        const J& c = (*changes)[i];
        std::string path = ReaderT<J>::index("changes", i);
        std::string op = item.str(c, "op", path);
        Change change;
        if (item.ok() && op == "delete") {
            change.deleted = true;
            change.product_id = item.str(c, "product_id", path);
        } else if (item.ok() && op == "upsert") {
            if (const J* p = item.member(c, "product", path, true)) change.product = read_product(item, *p, path + ".product");
            if (change.product) change.product_id = change.product->id;
        } else if (item.ok()) {
            item.fail(path + ".op", "unknown operation");
        }
        if (item.ok() && change.product_id.empty()) item.fail(path, "no product id");
        if (item.ok()) {
            page.changes.push_back(std::move(change));
            if (item_of) item_of->push_back(i);
        } else {
            page.skipped.push_back(item.error().message);
        }
    }
    return page;
}
}  // namespace

Result<ChangePage> parse_change_page(const json& doc) { return parse_changes(doc, nullptr); }

Result<ChangePage> parse_change_page_text(std::string_view body) {
    FastParser parser(body);
    const FastValue* doc = parser.parse();
    if (!doc) return Error::of(ErrorKind::Parse, "the answer is not valid JSON");
    std::vector<std::size_t> item_of;
    auto page = parse_changes(*doc, &item_of);
    if (!page.ok()) return page;
    const FastValue& items = *doc->find("changes");
    for (std::size_t k = 0; k < page.value().changes.size(); ++k) {
        auto& change = page.value().changes[k];
        if (change.deleted) continue;
        const FastValue& product = *items[item_of[k]].find("product");
        change.raw = std::string(body.substr(product.from, product.to - product.from));
    }
    return page;
}

}  // namespace catalog_client
