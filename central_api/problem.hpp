#pragma once
// Errors the API answers with: RFC 9457 problem documents with a stable `code`.
// Handlers throw ApiError; the server's route wrapper turns it into the response.
// FieldCheck reads request JSON and collects every missing, mistyped or invalid field.

#include "central_api/util.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace central_api {

struct ApiError : std::runtime_error {
    ApiError(int status_, std::string code_, std::string detail_, json extra_ = json::object())
        : std::runtime_error(detail_),
          status(status_),
          code(std::move(code_)),
          detail(std::move(detail_)),
          extra(std::move(extra_)) {}
    int status;
    std::string code;
    std::string detail;
    json extra;  // fields added to the problem document (sku, available, errors...)
};

// The problem document for a status/code; `title` is derived from the code.
json problem_document(int status, std::string_view code, std::string_view detail,
                      const json& extra = json::object());

ApiError not_found(std::string detail);
ApiError validation_failed(std::string field, std::string field_code, std::string detail = {});

// Collects field errors while reading a JSON request; throw_if_any() raises one 422 naming them.
// Field codes: missing, wrong_type, invalid, too_long, out_of_range, unknown, duplicate,
// unsupported, too_many.
class FieldCheck {
public:
    void add(std::string field, std::string code);
    bool empty() const { return errors_.empty(); }
    void throw_if_any() const;

    // Each reader returns the value (or nullptr/nullopt) and records an error when a required
    // field is missing or when a present field has the wrong type or violates its bounds.
    const json* object(const json& parent, std::string_view key, const std::string& path,
                       bool required = true);
    const json* array(const json& parent, std::string_view key, const std::string& path,
                      bool required = true, std::size_t max_items = 1000);
    std::optional<std::string> string(const json& parent, std::string_view key,
                                      const std::string& path, bool required = true,
                                      std::size_t max_bytes = 200);
    std::optional<std::int64_t> integer(const json& parent, std::string_view key,
                                        const std::string& path, bool required, std::int64_t min,
                                        std::int64_t max);
    // {"amount": int, "currency": "EUR"}
    std::optional<std::int64_t> money(const json& parent, std::string_view key,
                                      const std::string& path, bool required = true);

private:
    std::vector<std::pair<std::string, std::string>> errors_;
};

}  // namespace central_api
