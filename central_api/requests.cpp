#include "central_api/requests.hpp"

#include <sodium.h>

#include <set>

namespace central_api {

namespace {

// Reads and checks `lines` (shape only); duplicates and bounds are field errors.
std::vector<LineRequest> read_lines(FieldCheck& check, const json& body, std::vector<std::int64_t>* prices) {
    std::vector<LineRequest> lines;
    const json* list = check.array(body, "lines", "lines", true, 100);
    if (!list) return lines;
    if (list->empty()) check.add("lines", "missing");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& l = (*list)[i];
        std::string path = "lines[" + std::to_string(i) + "]";
        if (!l.is_object()) {
            check.add(path, "wrong_type");
            continue;
        }
        auto sku = check.string(l, "sku", path + ".sku", true, 64);
        auto qty = check.integer(l, "quantity", path + ".quantity", true, 1, 99);
        std::optional<std::int64_t> price;
        if (prices) price = check.money(l, "unit_price", path + ".unit_price", true);
        if (sku && !seen.insert(*sku).second) check.add(path + ".sku", "duplicate");
        if (sku && qty) {
            lines.push_back({*sku, *qty});
            if (prices) prices->push_back(price.value_or(-1));
        }
    }
    return lines;
}

bool blank(const std::string& s) { return s.find_first_not_of(' ') == std::string::npos; }

bool valid_email(const std::string& e) {
    auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
    auto dot = e.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 >= e.size()) return false;
    return e.find_first_of(" \t,;<>") == std::string::npos && e.back() != '.';
}

// French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX; spaces, dots and dashes allowed.
bool valid_phone(const std::string& p) {
    std::string digits;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && i == 0) digits += c;
        else if (c != ' ' && c != '.' && c != '-') return false;
    }
    if (digits.rfind("+33", 0) == 0) return digits.size() == 12 && digits[3] != '0';
    return digits.size() == 10 && digits[0] == '0' && digits[1] != '0';
}

void read_fulfilment(FieldCheck& check, const json& body, DecodedOrder& o) {
    const json* f = check.object(body, "fulfilment", "fulfilment");
    if (!f) return;
    auto type = check.string(*f, "type", "fulfilment.type", true, 16);
    if (type && *type == "pickup") {
        o.fulfilment_type = *type;
        if (auto s = check.string(*f, "store_id", "fulfilment.store_id", true, 64)) o.pickup_store = *s;
        o.fulfilment = {{"type", "pickup"}, {"store_id", o.pickup_store}};
    } else if (type && *type == "delivery") {
        o.fulfilment_type = *type;
        const json* a = check.object(*f, "address", "fulfilment.address");
        if (!a) return;
        const std::string p = "fulfilment.address.";
        auto name = check.string(*a, "name", p + "name", true, 100);
        auto line1 = check.string(*a, "line1", p + "line1", true, 200);
        auto line2 = check.string(*a, "line2", p + "line2", false, 200);
        auto postcode = check.string(*a, "postcode", p + "postcode", true, 16);
        auto city = check.string(*a, "city", p + "city", true, 100);
        auto country = check.string(*a, "country", p + "country", true, 2);
        if (name && blank(*name)) check.add(p + "name", "invalid");
        if (line1 && blank(*line1)) check.add(p + "line1", "invalid");
        if (city && blank(*city)) check.add(p + "city", "invalid");
        if (country && *country != "FR") check.add(p + "country", "unsupported");
        if (postcode && (postcode->size() != 5 || postcode->find_first_not_of("0123456789") != std::string::npos ||
                         postcode->compare(0, 2, "00") == 0))
            check.add(p + "postcode", "invalid");
        json address = {{"name", name.value_or("")}, {"line1", line1.value_or("")},
                        {"postcode", postcode.value_or("")}, {"city", city.value_or("")},
                        {"country", country.value_or("")}};
        if (line2) address["line2"] = *line2;
        o.fulfilment = {{"type", "delivery"}, {"address", address}};
    } else if (type) {
        check.add("fulfilment.type", "invalid");
    }
}

// An email or a phone that is null, empty or only spaces counts as absent; at least one must be
// present, and each present one must be valid.
void read_contact(FieldCheck& check, const json& body, DecodedOrder& o) {
    const json* c = check.object(body, "contact", "contact");
    if (!c) return;
    auto email = check.string(*c, "email", "contact.email", false, 254);
    auto phone = check.string(*c, "phone", "contact.phone", false, 32);
    if (email && blank(*email)) email.reset();
    if (phone && blank(*phone)) phone.reset();
    if (email && !valid_email(*email)) check.add("contact.email", "invalid");
    if (phone && !valid_phone(*phone)) check.add("contact.phone", "invalid");
    const bool mistyped = (c->contains("email") && !(*c)["email"].is_null() && !(*c)["email"].is_string()) ||
                          (c->contains("phone") && !(*c)["phone"].is_null() && !(*c)["phone"].is_string());
    if (!email && !phone && !mistyped) check.add("contact", "missing");
    o.contact = json::object();
    if (email) o.contact["email"] = *email;
    if (phone) o.contact["phone"] = *phone;
}

std::string fingerprint_of(const DecodedOrder& o) {
    json lines = json::array();
    for (std::size_t i = 0; i < o.lines.size(); ++i)
        lines.push_back({o.lines[i].sku, o.lines[i].quantity, o.prices[i]});
    json canonical = {{"lines", lines},
                      {"fulfilment", o.fulfilment},
                      {"contact", o.contact},
                      {"loyalty_card", o.loyalty_card ? json(*o.loyalty_card) : json(nullptr)},
                      {"payment", o.payment_method},
                      {"channel", o.channel}};
    const std::string text = canonical.dump(-1, ' ', false, json::error_handler_t::replace);
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    std::string hex;
    static constexpr char digits[] = "0123456789abcdef";
    for (unsigned char c : out) hex += {digits[c >> 4], digits[c & 15]};
    return hex;
}

}  // namespace

json parse_body(std::string_view body) {
    auto parsed = catalog_client::parse_json_bounded(body, kMaxBodyDepth);
    if (parsed.fault == catalog_client::JsonFault::TooDeep)
        throw ApiError(400, "bad_request",
                       "the body is nested deeper than " + std::to_string(kMaxBodyDepth) + " levels");
    if (!parsed.ok()) throw ApiError(400, "bad_request", "the body is not valid JSON (UTF-8)");
    if (!parsed.doc.is_object())
        throw ApiError(422, "validation_failed", "the body must be a JSON object",
                       {{"errors", json::array({{{"field", ""}, {"code", "wrong_type"}}})}});
    return std::move(parsed.doc);
}

EventsRequest decode_events(std::string_view body) {
    const json doc = parse_body(body);
    FieldCheck check;
    const json* list = check.array(doc, "events", "events", true, 1000);
    check.throw_if_any();
    EventsRequest out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& e = (*list)[i];
        std::string path = "events[" + std::to_string(i) + "]";
        if (!e.is_object()) {
            check.add(path, "wrong_type");
            continue;
        }
        auto type = check.string(e, "type", path + ".type", true, 64);
        auto at = check.string(e, "at", path + ".at", true, 64);
        auto session = check.string(e, "session_id", path + ".session_id", true, 128);
        const json* data = check.object(e, "data", path + ".data", false);
        // The body is at most 64 levels deep, so this dump is bounded too.
        if (data && data->dump(-1, ' ', false, json::error_handler_t::replace).size() > 4096) {
            check.add(path + ".data", "too_long");
            data = nullptr;
        }
        if (type && at && session) out.events.push_back({*type, *at, *session, data ? *data : json(nullptr)});
    }
    check.throw_if_any();
    return out;
}

json stored_event(const EventIn& e) {
    json doc = {{"type", e.type}, {"at", e.at}, {"session_id", e.session_id}};
    if (!e.data.is_null()) doc["data"] = e.data;
    return doc;
}

HeartbeatRequest decode_heartbeat(std::string_view body) {
    const json doc = parse_body(body);
    FieldCheck check;
    HeartbeatRequest out;
    auto version = check.string(doc, "version", "version", true, 64);
    out.catalog_cursor = check.string(doc, "catalog_cursor", "catalog_cursor", false, 200);  // null: none yet
    auto depth = check.integer(doc, "outbox_depth", "outbox_depth", true, 0, 1'000'000);
    auto uptime = check.integer(doc, "uptime_s", "uptime_s", true, 0, 100LL * 365 * 86400);
    out.catalog_age_s = check.integer(doc, "catalog_age_s", "catalog_age_s", false, 0, 100LL * 365 * 86400);
    out.last_error = check.string(doc, "last_error", "last_error", false, 2000);
    out.interval_s = check.integer(doc, "interval_s", "interval_s", false, 1, 86400);
    check.throw_if_any();
    out.version = *version;
    out.outbox_depth = *depth;
    out.uptime_s = *uptime;
    return out;
}

json stored_heartbeat(const HeartbeatRequest& h) {
    json doc = {{"version", h.version},
                {"catalog_cursor", h.catalog_cursor ? json(*h.catalog_cursor) : json(nullptr)},
                {"outbox_depth", h.outbox_depth},
                {"uptime_s", h.uptime_s}};
    if (h.catalog_age_s) doc["catalog_age_s"] = *h.catalog_age_s;
    if (h.last_error) doc["last_error"] = *h.last_error;
    if (h.interval_s) doc["interval_s"] = *h.interval_s;
    return doc;
}

QuoteRequest decode_quote(std::string_view body) {
    const json doc = parse_body(body);
    FieldCheck check;
    QuoteRequest out;
    out.lines = read_lines(check, doc, nullptr);
    check.throw_if_any();
    return out;
}

DecodedOrder decode_order(std::string_view body, std::string_view idempotency_key) {
    const json doc = parse_body(body);
    if (idempotency_key.empty())
        throw validation_failed("Idempotency-Key", "missing", "the Idempotency-Key header is required");
    bool key_ok = idempotency_key.size() <= 200;
    for (unsigned char c : idempotency_key) key_ok = key_ok && c > 0x20 && c != 0x7f;
    if (!key_ok) throw validation_failed("Idempotency-Key", "invalid");

    DecodedOrder o;
    o.idempotency_key = std::string(idempotency_key);
    FieldCheck check;
    o.lines = read_lines(check, doc, &o.prices);
    read_fulfilment(check, doc, o);
    read_contact(check, doc, o);
    o.loyalty_card = check.string(doc, "loyalty_card", "loyalty_card", false, 32);
    if (const json* pay = check.object(doc, "payment", "payment")) {
        auto method = check.string(*pay, "method", "payment.method", true, 32);
        if (method && *method != "pay_at_till" && *method != "pay_on_phone") check.add("payment.method", "invalid");
        o.payment_method = method.value_or("");
    }
    if (const json* ch = check.object(doc, "channel", "channel")) {
        auto store = check.string(*ch, "store_id", "channel.store_id", true, 64);
        auto kiosk = check.string(*ch, "kiosk_id", "channel.kiosk_id", true, 64);
        o.staff_id = check.string(*ch, "staff_id", "channel.staff_id", false, 64);
        o.channel_store = store.value_or("");
        o.channel_kiosk = kiosk.value_or("");
        o.channel = {{"store_id", o.channel_store}, {"kiosk_id", o.channel_kiosk}};
        if (o.staff_id) o.channel["staff_id"] = *o.staff_id;
    }
    check.throw_if_any();
    o.fingerprint = fingerprint_of(o);
    return o;
}

StaffSessionRequest decode_staff_session(std::string_view body) {
    const json doc = parse_body(body);
    FieldCheck check;
    auto pin = check.string(doc, "pin", "pin", true, 12);
    auto staff_id = check.string(doc, "staff_id", "staff_id", false, 64);
    if (pin && (pin->size() < 4 || pin->find_first_not_of("0123456789") != std::string::npos)) check.add("pin", "invalid");
    check.throw_if_any();
    return {*pin, staff_id};
}

}  // namespace central_api
