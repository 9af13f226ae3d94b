// Fuzz target: every typed reader of the commerce API's answers (product, stores, categories,
// identity, availability, quote, order, order list, staff session, customer history) and of the
// kiosk's own order documents (an order body, a stored rejection), each fed
// the document parse_json_bounded makes of the input, as the client reads an answer. Properties:
// never crashes or throws; a refusal is a Parse error with a message; an accepted value keeps the
// model's promises (a product has an id and variants with skus, no text holds a control
// character, quantities and days stay within their bounds, an order keeps the document it was
// read from).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "catalog_client/json_bounded.hpp"
#include "catalog_client/model_json.hpp"

namespace {

using namespace catalog_client;
using nlohmann::json;

void clean_text(const std::string& s, const char* what) {
    for (unsigned char c : s)
        FUZZ_CHECK(c >= 0x20 && c != 0x7f, std::string(what) + ": a control character survived");
}
void clean_text(const LocalizedText& t, const char* what) {
    for (const auto& [lang, text] : t.by_lang) {
        clean_text(lang, what);
        clean_text(text, what);
    }
}
// Every string of a JSON document (to_json of a product).
void clean_doc(const json& doc, const char* what) {
    if (doc.is_string()) clean_text(doc.get_ref<const std::string&>(), what);
    if (!doc.is_structured()) return;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (doc.is_object()) clean_text(it.key(), what);
        clean_doc(it.value(), what);
    }
}

// The value when the reader accepted the document (r must outlive the pointer).
template <class T>
const T* accepted(const Result<T>& r, const char* what) {
    if (r.ok()) return &r.value();
    FUZZ_CHECK(r.error().kind == ErrorKind::Parse, std::string(what) + ": not a Parse error");
    FUZZ_CHECK(!r.error().message.empty(), std::string(what) + ": an error without a message");
    return nullptr;
}
template <class T>
const T* accepted(const Result<T>&& r, const char* what) = delete;  // would dangle

void check_product(const Product& p) {
    FUZZ_CHECK(!p.id.empty() && !p.variants.empty(), "product: accepted without id or variants");
    for (const Variant& v : p.variants)
        FUZZ_CHECK(!v.sku.empty(), "product: a variant without sku");
    clean_doc(to_json(p), "product");
}

void check_lines(const std::vector<QuoteLine>& lines, const char* what) {
    for (const QuoteLine& l : lines) {
        clean_text(l.sku, what);
        clean_text(l.name, what);
        FUZZ_CHECK(l.quantity >= 1 && l.quantity <= 10000,
                   std::string(what) + ": quantity out of bounds");
    }
}

void check_order(const Order& o, const json* doc) {
    clean_text(o.number, "order");
    clean_text(o.status, "order");
    clean_text(o.payment_url, "order");
    check_lines(o.lines, "order");
    // What the outbox keeps of an acknowledged order reads back as the same order.
    (void)doc;
    const auto again = parse_order(to_json(o));
    FUZZ_CHECK(again.ok(), "order: what to_json keeps does not read back: " + (again.ok() ? std::string() : again.error().message));
    FUZZ_CHECK(again.value().number == o.number && again.value().lines.size() == o.lines.size(), "order: to_json changed it");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    BoundedJson parsed =
        parse_json_bounded(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed.ok()) return 0;
    const json& doc = parsed.doc;

    const auto product_r = parse_product(doc);
    if (const Product* p = accepted(product_r, "product")) check_product(*p);
    const auto stores_r = parse_stores(doc);
    if (const auto* stores = accepted(stores_r, "stores"))
        for (const Store& s : *stores) {
            clean_text(s.id, "stores");
            clean_text(s.name, "stores");
            clean_text(s.city, "stores");
            for (const OpeningSlot& slot : s.opening_hours)
                FUZZ_CHECK(slot.day >= 1 && slot.day <= 7 && slot.open_minute >= 0 &&
                               slot.open_minute <= 1440 && slot.close_minute >= 0 &&
                               slot.close_minute <= 1440,
                           "stores: opening hours out of bounds");
        }
    const auto categories_r = parse_categories(doc);
    if (const auto* categories = accepted(categories_r, "categories"))
        for (const Category& c : *categories) {
            clean_text(c.id, "categories");
            clean_text(c.name, "categories");
        }
    const auto identity_r = parse_identity(doc);
    if (const KioskIdentity* k = accepted(identity_r, "identity")) {
        clean_text(k->kiosk_id, "identity");
        clean_text(k->store_id, "identity");
    }
    const auto availability_r = parse_availability(doc);
    if (const Availability* a = accepted(availability_r, "availability"))
        for (const SkuAvailability& s : a->items) {
            clean_text(s.sku, "availability");
            for (const StockAt& at : s.locations)
                FUZZ_CHECK(at.quantity >= 0, "availability: negative stock");
            FUZZ_CHECK(
                s.online_quantity >= 0 && s.delivery_min_days >= 0 && s.delivery_max_days <= 365,
                "availability: online stock out of bounds");
        }
    const auto quote_r = parse_quote(doc);
    if (const Quote* q = accepted(quote_r, "quote")) {
        check_lines(q->lines, "quote");
        for (const FulfilmentOption& o : q->options) {
            clean_text(o.type, "quote");
            clean_text(o.store_id, "quote");
        }
    }
    const auto order_r = parse_order(doc);
    if (const Order* o = accepted(order_r, "order")) check_order(*o, &doc);
    const auto order_list_r = parse_order_list(doc);
    if (const auto* orders = accepted(order_list_r, "order list"))
        for (const Order& o : *orders) check_order(o, nullptr);
    // An order body (kioskctl order --file, the outbox's file) and a stored rejection: what is
    // accepted writes back to JSON that reads back the same, and the ended form is not personal.
    const auto request_r = parse_order_request(doc);
    if (const OrderRequest* o = accepted(request_r, "order request")) {
        FUZZ_CHECK(!o->lines.empty() && o->lines.size() <= 100, "order request: line count out of bounds");
        for (const OrderLine& l : o->lines) clean_text(l.sku, "order request");
        clean_text(o->contact.email, "order request");
        clean_text(o->address.name, "order request");
        const auto again = parse_order_request(to_json(*o));
        FUZZ_CHECK(again.ok(), "order request: to_json does not read back: " + (again.ok() ? std::string() : again.error().message));
        FUZZ_CHECK(to_json(again.value()) == to_json(*o), "order request: to_json changed it");
        const OrderRequest ended = without_personal_data(*o);
        const json kept = to_json(ended);
        FUZZ_CHECK(!kept.contains("loyalty_card") && kept["contact"].empty() && !kept["fulfilment"].contains("address"),
                   "order request: the ended form keeps personal data");
        FUZZ_CHECK(parse_order_request(kept).ok(), "order request: the ended form does not read back");
    }
    const auto rejection_r = parse_order_rejection(doc);
    if (const OrderRejection* r = accepted(rejection_r, "order rejection")) {
        clean_text(r->code, "order rejection");
        const auto again = parse_order_rejection(to_json(*r));
        FUZZ_CHECK(again.ok() && again.value().reason == r->reason && again.value().field_errors.size() == r->field_errors.size(),
                   "order rejection: to_json does not read back the same");
    }
    const auto staff_r = parse_staff_session(doc);
    if (const StaffSession* s = accepted(staff_r, "staff session")) {
        clean_text(s->token, "staff session");
        clean_text(s->staff_name, "staff session");
    }
    const auto history_r = parse_customer_history(doc);
    if (const CustomerHistory* h = accepted(history_r, "customer history")) {
        clean_text(h->card, "customer history");
        for (const Purchase& p : h->purchases) {
            clean_text(p.sku, "customer history");
            FUZZ_CHECK(p.quantity >= 0 && p.quantity <= 100000,
                       "customer history: quantity out of bounds");
        }
    }
    return 0;
}
