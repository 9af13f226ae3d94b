// Fuzz target: parse_change_page_text, the one-pass parser of the sync feed's pages (the full
// sync reads a million products through it), checked against the reference path (nlohmann's
// parser, then parse_change_page on the document). Properties: never crashes; both paths accept
// and refuse the same pages (the one-pass parser may refuse nesting the reference accepts, past
// its own limit); an accepted page reads the same both ways (cursor, has_more, skipped items,
// every change); each upsert's raw text is the product's JSON and reads back to the same product.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "catalog_client/json_bounded.hpp"
#include "catalog_client/model_json.hpp"

namespace {

using namespace catalog_client;
using nlohmann::json;

// The one-pass parser refuses what parse_json_bounded refuses: a container inside 64 others.
constexpr std::size_t kSureDepth = kMaxJsonDepth;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Result<ChangePage> fast = parse_change_page_text(text);
    // A raw NUL byte is never JSON. nlohmann stops reading at one (the rest is ignored), so it is
    // no reference here: the one-pass parser must refuse the page (the json_bounded target
    // checks the bounded parser on the same point).
    if (text.find('\0') != std::string_view::npos) {
        FUZZ_CHECK(!fast.ok(), "the one-pass parser accepted a page holding a NUL byte");
        return 0;
    }
    // The reference: nlohmann with no practical depth limit (reading a deep document is safe;
    // nothing below copies or dumps it unless the one-pass parser accepted it too).
    BoundedJson ref = parse_json_bounded(text, std::numeric_limits<std::size_t>::max());
    if (!ref.ok()) {
        FUZZ_CHECK(!fast.ok(),
                   "the one-pass parser accepted a page nlohmann refuses: " + ref.message);
        FUZZ_CHECK(fast.error().kind == ErrorKind::Parse, "");
        return 0;
    }
    Result<ChangePage> slow = parse_change_page(ref.doc);
    if (!fast.ok() && fast.error().message == "the answer is not valid JSON") {
        // Refusing valid JSON is allowed only past the nesting limit both parsers share.
        FUZZ_CHECK(!parse_json_bounded(text, kSureDepth).ok(),
                   "the one-pass parser refused valid JSON");
        return 0;
    }
    FUZZ_CHECK(fast.ok() == slow.ok(),
               "one path accepts the page, the other refuses it: " +
                   (fast.ok() ? slow.error().message : fast.error().message));
    if (!slow.ok()) {
        FUZZ_CHECK(fast.error().message == slow.error().message,
                   "different errors: " + fast.error().message + " / " + slow.error().message);
        return 0;
    }
    const ChangePage& f = fast.value();
    const ChangePage& s = slow.value();
    FUZZ_CHECK(f.next_cursor == s.next_cursor, "next_cursor differs");
    FUZZ_CHECK(!f.next_cursor.empty(), "an accepted page has no cursor");
    FUZZ_CHECK(f.has_more == s.has_more, "has_more differs");
    FUZZ_CHECK(f.skipped == s.skipped, "skipped items differ");
    FUZZ_CHECK(f.changes.size() == s.changes.size(), "change counts differ");
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        const Change& a = f.changes[i];
        const Change& b = s.changes[i];
        const std::string at = "change " + std::to_string(i) + ": ";
        FUZZ_CHECK(a.deleted == b.deleted, at + "deleted differs");
        FUZZ_CHECK(a.product_id == b.product_id, at + "product_id differs");
        FUZZ_CHECK(!a.product_id.empty(), at + "accepted without a product id");
        FUZZ_CHECK(a.product.has_value() == b.product.has_value(), at + "product presence differs");
        if (!b.product) continue;
        FUZZ_CHECK(to_json(*a.product) == to_json(*b.product),
                   at + "the products read differently");
        // The raw text is exactly one JSON value, the product as the server sent it.
        BoundedJson raw = parse_json_bounded(a.raw, std::numeric_limits<std::size_t>::max());
        FUZZ_CHECK(raw.ok(), at + "raw is not JSON: " + raw.message);
        Result<Product> reread = parse_product(raw.doc);
        FUZZ_CHECK(reread.ok(), at + "raw does not read back as a product: " +
                                    (reread.ok() ? "" : reread.error().message));
        FUZZ_CHECK(to_json(reread.value()) == to_json(*b.product),
                   at + "raw reads back as another product");
    }
    return 0;
}
