#include "catalog_client/json_bounded.hpp"

namespace catalog_client {

namespace {

using json = nlohmann::json;

// Builds the document with nlohmann's own DOM builder, counting the depth of the containers it
// opens; returning false from a SAX event stops the parser at once.
class DepthLimitedSax {
public:
    DepthLimitedSax(json& out, std::size_t max_depth) : dom_(out, false), max_depth_(max_depth) {}

    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
    bool string(json::string_t& v) { return dom_.string(v); }
    bool binary(json::binary_t& v) { return dom_.binary(v); }
    bool key(json::string_t& v) { return dom_.key(v); }
    bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
    bool end_object() {
        --depth_;
        return dom_.end_object();
    }
    bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
    bool end_array() {
        --depth_;
        return dom_.end_array();
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
        syntax_error_ = e.what();
        (void)position;
        (void)token;
        return false;
    }

    bool too_deep() const { return too_deep_; }
    const std::string& syntax_error() const { return syntax_error_; }

private:
    bool enter() {
        if (++depth_ > max_depth_) {
            too_deep_ = true;
            return false;
        }
        return true;
    }
    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::size_t max_depth_, depth_ = 0;
    bool too_deep_ = false;
    std::string syntax_error_;
};

}  // namespace

BoundedJson parse_json_bounded(std::string_view text, std::size_t max_depth) {
    BoundedJson out;
    // A raw NUL is never valid JSON (inside a string it must be escaped); nlohmann would stop
    // reading there and accept what came before.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        out.fault = JsonFault::Syntax;
        out.message = "NUL byte at offset " + std::to_string(nul);
        out.doc = json(json::value_t::discarded);
        return out;
    }
    json doc;
    DepthLimitedSax sax(doc, max_depth);
    bool parsed = false;
    try {
        parsed = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true, false);
    } catch (const std::exception& e) {  // allocation failure or a library error: never escapes
        out.fault = JsonFault::Syntax;
        out.message = std::string("unreadable JSON: ") + e.what();
        out.doc = json(json::value_t::discarded);
        return out;
    }
    if (parsed) {
        out.doc = std::move(doc);
        return out;
    }
    out.doc = json(json::value_t::discarded);
    if (sax.too_deep()) {
        out.fault = JsonFault::TooDeep;
        out.message = "JSON nested deeper than " + std::to_string(max_depth) + " levels";
    } else {
        out.fault = JsonFault::Syntax;
        out.message = sax.syntax_error().empty() ? "not valid JSON" : sax.syntax_error();
    }
    return out;
}

nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_depth) {
    return parse_json_bounded(text, max_depth).doc;
}

}  // namespace catalog_client
