// Fuzz target: decode_cursor, the reference server's reader of the sync cursor a kiosk sends
// back (GET /v1/catalog/changes?cursor=...). Properties: never crashes; a decoded cursor has an
// epoch and non-negative numbers, and encodes to a text that decodes to the same cursor.
#include <cstdint>
#include <string>

#include "central_api/catalog.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::optional<central_api::Cursor> c = central_api::decode_cursor(text);
    if (!c) return 0;
    FUZZ_CHECK(!c->epoch.empty() && c->seq >= 0 && c->issued >= 0,
               "a decoded cursor out of bounds");
    std::optional<central_api::Cursor> again =
        central_api::decode_cursor(central_api::encode_cursor(*c));
    FUZZ_CHECK(
        again && again->epoch == c->epoch && again->seq == c->seq && again->issued == c->issued,
        "encode(decode(cursor)) does not decode to the same cursor");
    return 0;
}
