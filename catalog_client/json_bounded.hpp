#pragma once
// Parsing JSON from outside the process with a nesting limit. nlohmann's parser is iterative,
// but copying, comparing and dump() of a document recurse once per level: a 600 KB body of
// nested arrays (300 000 levels) overflows the stack. Every parse of bytes from the network,
// a file or a request body goes through parse_json_bounded, which refuses nesting deeper than
// `max_depth` while parsing (before any of that document exists).
//
// Never throws. Thread-safe (no shared state).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace catalog_client {

// Deep enough for every document of the contract (a product is 5 levels), shallow enough that
// any recursion over the result is harmless.
inline constexpr std::size_t kMaxJsonDepth = 64;

enum class JsonFault { None, Syntax, TooDeep };

struct BoundedJson {
    nlohmann::json doc;            // discarded (is_discarded()) unless fault == None
    JsonFault fault = JsonFault::None;
    std::string message;           // one line for logs and problem documents; empty when ok
    bool ok() const { return fault == JsonFault::None; }
};

// Parses `text` strictly (one value, UTF-8, no comments). Nesting deeper than `max_depth`
// (an array or object inside `max_depth` others) is a TooDeep fault.
BoundedJson parse_json_bounded(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// The same, returning only the document: discarded on any fault (like json::parse(text, nullptr,
// false)).
nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace catalog_client
