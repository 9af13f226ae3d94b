// The request-body decoders (requests.hpp), without HTTP: each one, fed hostile bodies (a wrong
// type at every field, a missing required field, invalid UTF-8, 100 000-character strings,
// control characters, huge numbers, deep nesting, every truncation of a valid body), throws an
// ApiError with a 4xx status and nothing else; a valid body decodes.
#include "central_api/requests.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using central_api::ApiError;
using central_api::json;

namespace {

struct Kind {
    const char* name;
    json valid;
    std::function<void(std::string_view)> decode;
    std::set<std::string> optional;  // JSON pointers of fields that may be absent or null
    std::string free_form;           // a pointer prefix under which any JSON is accepted (bounded)
};

std::vector<Kind> kinds() {
    json delivery = {
        {"lines", {{{"sku", "DF0000001-09-m"}, {"quantity", 2}, {"unit_price", {{"amount", 12999}, {"currency", "EUR"}}}}}},
        {"fulfilment",
         {{"type", "delivery"},
          {"address", {{"name", "Élodie Crépin"}, {"line1", "12 rue des Lilas"}, {"line2", "Bât. B"}, {"postcode", "69003"}, {"city", "Lyon"}, {"country", "FR"}}}}},
        {"contact", {{"email", "elodie.crepin@example.org"}, {"phone", "06 12 34 56 78"}}},
        {"loyalty_card", "2900000010007"},
        {"payment", {{"method", "pay_on_phone"}}},
        {"channel", {{"store_id", "paris-rivoli"}, {"kiosk_id", "k-paris-rivoli-1"}, {"staff_id", "s-paris-rivoli-1"}}}};
    json pickup = delivery;
    pickup["fulfilment"] = {{"type", "pickup"}, {"store_id", "lyon-part-dieu"}};
    pickup["payment"]["method"] = "pay_at_till";
    const std::set<std::string> order_optional = {"/fulfilment/address/line2", "/contact/email", "/contact/phone",
                                                  "/loyalty_card", "/channel/staff_id"};
    auto order = [](std::string_view body) { central_api::decode_order(body, "key-1"); };
    return {
        {"events",
         {{"events", {{{"type", "search"}, {"at", "2026-11-23T10:00:00+01:00"}, {"session_id", "s1"}, {"data", {{"q", "crème"}, {"n", 3}}}}}}},
         [](std::string_view b) { central_api::decode_events(b); },
         {"/events/0/data"},
         "/events/0/data/"},
        {"heartbeat",
         {{"version", "0.1.0"}, {"catalog_cursor", "c1.abc.12.1700000000"}, {"outbox_depth", 3}, {"uptime_s", 12}, {"last_error", "none"}},
         [](std::string_view b) { central_api::decode_heartbeat(b); },
         {"/catalog_cursor", "/last_error"},
         ""},
        {"quote", {{"lines", {{{"sku", "DF0000001-09-m"}, {"quantity", 1}}, {{"sku", "DF0000002-01-l"}, {"quantity", 99}}}}},
         [](std::string_view b) { central_api::decode_quote(b); }, {}, ""},
        {"order (delivery)", delivery, order, order_optional, ""},
        {"order (pickup)", pickup, order, order_optional, ""},
        {"staff session", {{"pin", "123456"}, {"staff_id", "s-paris-rivoli-1"}},
         [](std::string_view b) { central_api::decode_staff_session(b); }, {"/staff_id"}, ""},
    };
}

// Every value of the document with its JSON pointer (the root excluded).
void walk(const json& doc, const std::string& pointer, std::vector<std::pair<std::string, json>>& out) {
    if (!pointer.empty()) out.emplace_back(pointer, doc);
    if (doc.is_object()) {
        for (auto it = doc.begin(); it != doc.end(); ++it) walk(it.value(), pointer + "/" + it.key(), out);
    } else if (doc.is_array()) {
        for (std::size_t i = 0; i < doc.size(); ++i) walk(doc[i], pointer + "/" + std::to_string(i), out);
    }
}

int category(const json& v) {
    if (v.is_number_integer()) return 1;  // signed or unsigned
    return static_cast<int>(v.type()) + 10;
}

// The decoder must throw a 4xx ApiError for `body`; anything else is reported.
void expect_refused(const Kind& kind, const std::string& body, const std::string& what, int& cases) {
    ++cases;
    try {
        kind.decode(body);
        FAIL_CHECK(std::string(kind.name) << ": accepted " << what << ": " << body.substr(0, 300));
    } catch (const ApiError& e) {
        if (e.status < 400 || e.status >= 500)
            FAIL_CHECK(std::string(kind.name) << ": status " << e.status << " for " << what << ": " << body.substr(0, 300));
    } catch (const std::exception& e) {
        FAIL_CHECK(std::string(kind.name) << ": " << e.what() << " (not an ApiError) for " << what);
    } catch (...) {
        FAIL_CHECK(std::string(kind.name) << ": unknown exception for " << what);
    }
}

// The valid document's text with the value at `pointer` replaced by `raw` (raw JSON text, or any bytes).
std::string with_raw(const json& valid, const std::string& pointer, const std::string& raw) {
    json doc = valid;
    const std::string marker = "\"@@replace-me@@\"";
    doc[json::json_pointer(pointer)] = "@@replace-me@@";
    std::string text = doc.dump();
    text.replace(text.find(marker), marker.size(), raw);
    return text;
}

}  // namespace

TEST_CASE("every request decoder refuses hostile bodies with a 4xx ApiError, never anything else") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    for (const Kind& kind : kinds()) {
        const std::string name = kind.name;
        CAPTURE(name);
        int cases = 0;
        // The valid body decodes; the fuzz targets start from such bodies.
        CHECK_NOTHROW(kind.decode(kind.valid.dump()));

        // Bodies that are not a JSON object, or not JSON at all.
        for (const std::string& body :
             {std::string(), std::string("null"), std::string("[]"), std::string("42"), std::string("\"text\""),
              std::string("{"), std::string("{}"), std::string("\xff\xfe{}"), std::string("{\"a\":\"\xc3\x28\"}"),
              std::string("{\"a\":\"\\ud800\"}"), std::string(100000, '['), std::string(100000, '{'),
              std::string("{\"x\":") + std::string(300000, '[') + std::string(300000, ']') + "}",
              std::string(1 << 20, ' '), std::string("{\"a\":1}garbage"), std::string("\0{}", 3)})
            expect_refused(kind, body, "a malformed body", cases);
        // Just over the nesting limit, inside an unknown field.
        {
            json doc = kind.valid;
            std::string text = doc.dump();
            text.insert(text.size() - 1, ",\"x\":" + std::string(64, '[') + std::string(64, ']'));
            expect_refused(kind, text, "65 levels of nesting", cases);
        }
        // Every truncation of the valid body.
        const std::string full = kind.valid.dump();
        for (std::size_t n = 0; n < full.size(); ++n) expect_refused(kind, full.substr(0, n), "a truncated body", cases);

        std::vector<std::pair<std::string, json>> fields;
        walk(kind.valid, "", fields);
        const std::vector<json> others = {nullptr, true, 42, -1, 1.5, "text", json::array(), json::object(),
                                          json::array({1}), json{{"a", 1}}};
        for (const auto& [pointer, value] : fields) {
            CAPTURE(pointer);
            const bool optional = kind.optional.count(pointer) > 0;
            // Inside an event's free-form data only what the parser and the size cap refuse.
            if (!kind.free_form.empty() && pointer.rfind(kind.free_form, 0) == 0) {
                expect_refused(kind, with_raw(kind.valid, pointer, deep), pointer + " nested 100 000 deep", cases);
                expect_refused(kind, with_raw(kind.valid, pointer, "\"" + std::string(100000, 'x') + "\""),
                               pointer + " of 100 000 characters", cases);
                expect_refused(kind, with_raw(kind.valid, pointer, "\"a\xff\""), pointer + " with invalid UTF-8", cases);
                continue;
            }
            // A value of another type.
            for (const json& other : others) {
                if (category(other) == category(value)) continue;
                if (other.is_null() && optional) continue;
                json doc = kind.valid;
                doc[json::json_pointer(pointer)] = other;
                expect_refused(kind, doc.dump(), pointer + " = " + other.dump(), cases);
            }
            // Missing, for a required member of an object.
            const auto slash = pointer.rfind('/');
            const std::string parent = pointer.substr(0, slash);
            if (!optional && kind.valid[json::json_pointer(parent.empty() ? "" : parent)].is_object()) {
                json doc = kind.valid;
                doc[json::json_pointer(parent.empty() ? "" : parent)].erase(pointer.substr(slash + 1));
                expect_refused(kind, doc.dump(), pointer + " missing", cases);
            }
            // Deep nesting in place of the value.
            expect_refused(kind, with_raw(kind.valid, pointer, deep), pointer + " nested 100 000 deep", cases);
            if (value.is_string()) {
                expect_refused(kind, with_raw(kind.valid, pointer, "\"" + std::string(100000, 'x') + "\""),
                               pointer + " of 100 000 characters", cases);
                for (const char* control : {"\\u0000", "\\u0001", "\\n", "\\t", "\\u001f", "\\u007f"})
                    expect_refused(kind, with_raw(kind.valid, pointer, std::string("\"a") + control + "b\""),
                                   pointer + " with a control character", cases);
                for (const char* bytes : {"\xff", "\xc3\x28", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf"})
                    expect_refused(kind, with_raw(kind.valid, pointer, std::string("\"a") + bytes + "b\""),
                                   pointer + " with invalid UTF-8", cases);
            }
            if (value.is_number()) {
                for (const char* huge : {"1e400", "-1e400", "1e308", "99999999999999999999999", "-99999999999999999999999",
                                         "18446744073709551615", "-9223372036854775808", "1.0", "2.5e1"})
                    expect_refused(kind, with_raw(kind.valid, pointer, huge), pointer + " = " + huge, cases);
            }
        }
        MESSAGE(name << ": " << cases << " hostile bodies, each a 4xx ApiError");
        CHECK(cases > 100);
    }
}

TEST_CASE("the order decoder checks the Idempotency-Key after the body, and contact on its values") {
    const std::string body = kinds()[3].valid.dump();
    CHECK_NOTHROW(central_api::decode_order(body, "k"));
    for (const std::string& key : {std::string(), std::string(201, 'k'), std::string("a b"), std::string("a\x01"),
                                   std::string("a\nb")}) {
        CAPTURE(key);
        try {
            central_api::decode_order(body, key);
            FAIL_CHECK("accepted the key");
        } catch (const ApiError& e) {
            CHECK(e.status == 422);
            CHECK(e.extra["errors"][0]["field"] == "Idempotency-Key");
        }
    }
    // Contact is checked on its values: nulls and empty strings are no contact.
    for (const json& contact : {json{{"email", nullptr}}, json{{"email", ""}, {"phone", " "}}, json::object()}) {
        json doc = json::parse(body);
        doc["contact"] = contact;
        try {
            central_api::decode_order(doc.dump(), "k");
            FAIL_CHECK("accepted contact " << contact.dump());
        } catch (const ApiError& e) {
            CHECK(e.status == 422);
            CHECK(e.extra["errors"][0]["field"] == "contact");
        }
    }
    try {
        central_api::decode_order("{", "");
        FAIL_CHECK("accepted a malformed body");
    } catch (const ApiError& e) {
        CHECK(e.status == 400);
    }
}

TEST_CASE("what is stored and hashed is the validated request, not the client's document") {
    // Unknown fields, key order and spacing do not change an order's fingerprint; a field that
    // matters does.
    json body = kinds()[3].valid;
    const auto a = central_api::decode_order(body.dump(), "k");
    json extra = body;
    extra["unknown"] = {{"deep", json::array({json::array({1})})}};
    extra["fulfilment"]["address"]["note"] = "ignored";
    const auto b = central_api::decode_order(extra.dump(2), "k");
    CHECK(a.fingerprint == b.fingerprint);
    json other = body;
    other["lines"][0]["quantity"] = 3;
    CHECK(central_api::decode_order(other.dump(), "k").fingerprint != a.fingerprint);
    other = body;
    other["contact"].erase("phone");
    CHECK(central_api::decode_order(other.dump(), "k").fingerprint != a.fingerprint);

    // A heartbeat and an event keep their known fields only.
    json heartbeat = kinds()[1].valid;
    heartbeat["extra"] = json::array({json::array({json::array()})});
    json stored = central_api::stored_heartbeat(central_api::decode_heartbeat(heartbeat.dump()));
    CHECK_FALSE(stored.contains("extra"));
    CHECK(stored["version"] == "0.1.0");
    CHECK(stored["outbox_depth"] == 3);
    json events = kinds()[0].valid;
    events["events"][0]["secret"] = "x";
    auto decoded = central_api::decode_events(events.dump());
    REQUIRE(decoded.events.size() == 1);
    json event = central_api::stored_event(decoded.events[0]);
    CHECK_FALSE(event.contains("secret"));
    CHECK(event["data"]["q"] == "crème");
    // An event's data is bounded.
    events["events"][0]["data"] = {{"blob", std::string(5000, 'x')}};
    CHECK_THROWS_AS(central_api::decode_events(events.dump()), ApiError);
}
