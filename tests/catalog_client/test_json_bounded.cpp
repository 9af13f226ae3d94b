// The bounded JSON parser every decoder of outside bytes uses: nesting limit, syntax, UTF-8.
#include "catalog_client/json_bounded.hpp"

#include <doctest/doctest.h>

using namespace catalog_client;

namespace {
std::string nested(std::size_t levels, const char* open, const char* close, const std::string& inner = "1") {
    std::string s;
    for (std::size_t i = 0; i < levels; ++i) s += open;
    s += inner;
    for (std::size_t i = 0; i < levels; ++i) s += close;
    return s;
}
}  // namespace

TEST_CASE("bounded JSON: documents within the limit parse as nlohmann parses them") {
    const std::string text = R"({"a":[1,2,{"b":"é€","c":null}],"d":-3.5,"e":18446744073709551615,"f":true})";
    auto r = parse_json_bounded(text);
    REQUIRE(r.ok());
    CHECK(r.doc == nlohmann::json::parse(text));
    CHECK(r.message.empty());
    CHECK(parse_json_bounded(nested(64, "[", "]")).ok());
    CHECK(parse_json_bounded(nested(63, "{\"k\":", "}")).ok());
}

TEST_CASE("bounded JSON: one level too deep is refused, and 300 000 levels do not overflow the stack") {
    auto r = parse_json_bounded(nested(65, "[", "]"));
    CHECK(r.fault == JsonFault::TooDeep);
    CHECK(r.doc.is_discarded());
    CHECK(r.message.find("64") != std::string::npos);
    auto deep = parse_json_bounded("{\"version\":\"1\",\"x\":" + nested(300000, "[", "]") + "}");
    CHECK(deep.fault == JsonFault::TooDeep);
    auto objects = parse_json_bounded(nested(300000, "{\"a\":", "}"));
    CHECK(objects.fault == JsonFault::TooDeep);
    CHECK(parse_json_bounded(nested(10, "[", "]"), 9).fault == JsonFault::TooDeep);
    CHECK(parse_json_bounded(nested(10, "[", "]"), 10).ok());
}

TEST_CASE("bounded JSON: malformed text, invalid UTF-8 and trailing bytes are syntax faults") {
    for (const std::string& bad : {std::string(""), std::string("{"), std::string("[1,]"), std::string("{\"a\":1} x"),
                                  std::string("\"\xC3\x28\""), std::string("\"\xFF\""), std::string("/* c */ 1"),
                                  std::string("{\"a\":\"\x01\"}"), std::string("nul"), std::string(nested(40, "[", "]", "")).substr(3)}) {
        auto r = parse_json_bounded(bad);
        CHECK_MESSAGE(r.fault == JsonFault::Syntax, bad);
        CHECK(r.doc.is_discarded());
        CHECK(!r.message.empty());
        CHECK(parse_json_or_discarded(bad).is_discarded());
    }
    CHECK(parse_json_or_discarded("[]") == nlohmann::json::array());
    // A NUL byte ends nothing: what follows is not ignored (found by fuzzing).
    for (const std::string& text : {std::string("8\0", 2), std::string("{\"a\":1}\0junk", 12), std::string("[\"a\0b\"]", 7)}) {
        const auto r = parse_json_bounded(text);
        CHECK(r.fault == JsonFault::Syntax);
        CHECK(r.message.find("NUL") != std::string::npos);
    }
}
