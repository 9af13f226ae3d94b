// Fuzz target: parse_json_bounded, the depth-limited JSON parser every decoder of outside bytes
// uses. Properties: never crashes or throws; accepts exactly what nlohmann accepts when the text
// nests no deeper than the limit, except a text holding a NUL byte, which is never JSON; a TooDeep
// fault only when the text really nests deeper; an accepted document dumps and parses back to an
// equal document; parse_json_or_discarded agrees.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "catalog_client/json_bounded.hpp"

namespace {

using catalog_client::JsonFault;
using nlohmann::json;

// The deepest nesting of brackets outside strings in `text` (a plain scan, not a parser).
std::size_t bracket_depth(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escape = false;
    for (char c : text) {
        if (in_string) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

// Nesting depth of a parsed document (containers only); bounded by the parser's limit.
std::size_t doc_depth(const json& doc) {
    if (!doc.is_structured()) return 0;
    std::size_t deepest = 0;
    for (const auto& child : doc) deepest = std::max(deepest, doc_depth(child));
    return deepest + 1;
}

void check_with_limit(std::string_view text, std::size_t limit, bool nlohmann_accepts) {
    const std::string where = "limit " + std::to_string(limit);
    catalog_client::BoundedJson r = catalog_client::parse_json_bounded(text, limit);
    FUZZ_CHECK(r.ok() == !r.doc.is_discarded(), where);
    FUZZ_CHECK(r.ok() == r.message.empty(), where);
    // JSON never holds a raw NUL byte (outside strings only whitespace may separate tokens,
    // inside them control characters are escaped); nlohmann's lexer takes one for the end of
    // the input and ignores what follows, so "1\0garbage" must be refused here.
    if (text.find('\0') != std::string_view::npos)
        FUZZ_CHECK(!r.ok(),
                   where + ": accepted a text holding a NUL byte (what follows it is ignored)");
    const std::size_t brackets = bracket_depth(text);
    if (r.fault == JsonFault::TooDeep)
        FUZZ_CHECK(brackets > limit, where + ", nesting " + std::to_string(brackets));
    if (brackets <= limit) FUZZ_CHECK(r.ok() == nlohmann_accepts, where);
    if (!r.ok()) {
        FUZZ_CHECK(catalog_client::parse_json_or_discarded(text, limit).is_discarded(), where);
        return;
    }
    FUZZ_CHECK(nlohmann_accepts, where + ": accepted what nlohmann refuses");
    FUZZ_CHECK(doc_depth(r.doc) <= limit, where);
    std::string dumped;
    try {
        dumped = r.doc.dump();
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, where + ": dump() threw " + e.what());
    }
    catalog_client::BoundedJson again = catalog_client::parse_json_bounded(dumped, limit);
    FUZZ_CHECK(again.ok(), where + ": its own dump() is refused: " + again.message);
    FUZZ_CHECK(again.doc == r.doc, where + ": dump() does not parse back to the same document");
    FUZZ_CHECK(catalog_client::parse_json_or_discarded(text, limit) == r.doc, where);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // nlohmann's verdict (iterative: any depth), less its NUL quirk (see check_with_limit).
    const bool accepts = json::accept(text) && text.find('\0') == std::string_view::npos;
    check_with_limit(text, catalog_client::kMaxJsonDepth, accepts);
    check_with_limit(text, 1 + size % 6, accepts);  // shallow limits: the refusal path, cheaply
    return 0;
}
