// Fuzz target: the reference server's request-body decoders (central_api/requests.hpp), the
// functions its handlers call: every input is fed to each of them (events, heartbeat, quote,
// order with an Idempotency-Key, staff session). Properties: never crashes; a refusal is an
// ApiError of status 400 or 422 whose problem document dumps; what a decoder accepts is shallow
// (every JSON it keeps nests no deeper than kMaxJsonDepth) and can be stored and hashed.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_json.hpp"
#include "fuzz_support.hpp"
#include "catalog_client/json_bounded.hpp"
#include "central_api/requests.hpp"

namespace {

using central_api::ApiError;
using central_api::json;

void shallow(const json& doc, const char* what) {
    const std::size_t depth = fuzz::nesting_depth(doc);
    FUZZ_CHECK(depth <= catalog_client::kMaxJsonDepth, std::string(what) + " keeps JSON nested " + std::to_string(depth));
    (void)doc.dump();
}

template <class Decode>
void decoder(Decode&& decode) {
    try {
        decode();
    } catch (const ApiError& e) {
        FUZZ_CHECK(e.status == 400 || e.status == 422, "status " + std::to_string(e.status) + " " + e.code);
        shallow(central_api::problem_document(e.status, e.code, e.detail, e.extra), "a problem document");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    decoder([&] {
        const auto r = central_api::decode_events(body);
        FUZZ_CHECK(r.events.size() <= 1000, "more than 1 000 events accepted");
        for (const auto& e : r.events) shallow(central_api::stored_event(e), "a stored event");
    });
    decoder([&] { shallow(central_api::stored_heartbeat(central_api::decode_heartbeat(body)), "a stored heartbeat"); });
    decoder([&] {
        const auto r = central_api::decode_quote(body);
        FUZZ_CHECK(!r.lines.empty() && r.lines.size() <= 100, "a quote of " + std::to_string(r.lines.size()) + " lines");
    });
    decoder([&] {
        const auto r = central_api::decode_order(body, "0b7e1c9e-5f55-4c43-9a57-2f8d3f0c6a11");
        FUZZ_CHECK(!r.fingerprint.empty(), "an order without a fingerprint");
        FUZZ_CHECK(r.lines.size() == r.prices.size(), "lines and prices differ in number");
        FUZZ_CHECK(r.contact.contains("email") || r.contact.contains("phone"), "an order without a contact");
        for (const json* doc : {&r.fulfilment, &r.contact, &r.channel}) shallow(*doc, "an order");
    });
    decoder([&] { (void)central_api::decode_staff_session(body); });
    return 0;
}
