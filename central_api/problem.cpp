#include "central_api/problem.hpp"

namespace central_api {

namespace {
std::string_view title_for(std::string_view code) {
    if (code == "unauthorized") return "Missing or invalid kiosk token";
    if (code == "forbidden") return "A staff session is required";
    if (code == "not_found") return "Not found";
    if (code == "validation_failed") return "The request has invalid fields";
    if (code == "bad_request") return "Malformed request";
    if (code == "out_of_stock") return "Not enough stock";
    if (code == "price_changed") return "The price has changed";
    if (code == "idempotency_conflict") return "Idempotency key reused with another request";
    if (code == "staff_locked") return "Too many wrong PINs";
    if (code == "payload_too_large") return "Request body too large";
    if (code == "rate_limited") return "Too many requests";
    if (code == "cursor_expired") return "Sync cursor expired";
    if (code == "method_not_allowed") return "Method not allowed";
    if (code == "length_required") return "Content-Length required";
    if (code == "unsupported_media_type") return "Unsupported request encoding";
    if (code == "uri_too_long") return "Request line too long";
    if (code == "headers_too_large") return "Request headers too large";
    if (code == "not_implemented") return "Not implemented";
    return "Internal error";
}
}  // namespace

json problem_document(int status, std::string_view code, std::string_view detail,
                      const json& extra) {
    json doc = {{"type", "/problems/" + std::string(code)},
                {"title", title_for(code)},
                {"status", status},
                {"detail", detail},
                {"code", code}};
    if (extra.is_object()) {
        for (auto it = extra.begin(); it != extra.end(); ++it) doc[it.key()] = it.value();
    }
    return doc;
}

ApiError not_found(std::string detail) { return ApiError(404, "not_found", std::move(detail)); }

ApiError validation_failed(std::string field, std::string field_code, std::string detail) {
    if (detail.empty()) detail = "field " + field + " is " + field_code;
    json errors = json::array({{{"field", field}, {"code", field_code}}});
    return ApiError(422, "validation_failed", detail, {{"errors", errors}});
}

void FieldCheck::add(std::string field, std::string code) {
    errors_.emplace_back(std::move(field), std::move(code));
}

void FieldCheck::throw_if_any() const {
    if (errors_.empty()) return;
    json errors = json::array();
    std::string detail = "invalid fields:";
    for (const auto& [field, code] : errors_) {
        errors.push_back({{"field", field}, {"code", code}});
        if (errors.size() <= 5) detail += " " + field + " (" + code + ")";
    }
    throw ApiError(422, "validation_failed", detail, {{"errors", errors}});
}

const json* FieldCheck::object(const json& parent, std::string_view key, const std::string& path,
                               bool required) {
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required) add(path, "missing");
        return nullptr;
    }
    if (!it->is_object()) {
        add(path, "wrong_type");
        return nullptr;
    }
    return &*it;
}

const json* FieldCheck::array(const json& parent, std::string_view key, const std::string& path,
                              bool required, std::size_t max_items) {
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required) add(path, "missing");
        return nullptr;
    }
    if (!it->is_array()) {
        add(path, "wrong_type");
        return nullptr;
    }
    if (it->size() > max_items) {
        add(path, "too_many");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> FieldCheck::string(const json& parent, std::string_view key,
                                              const std::string& path, bool required,
                                              std::size_t max_bytes) {
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required) add(path, "missing");
        return std::nullopt;
    }
    if (!it->is_string()) {
        add(path, "wrong_type");
        return std::nullopt;
    }
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max_bytes) {
        add(path, "too_long");
        return std::nullopt;
    }
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f) {
            add(path, "invalid");
            return std::nullopt;
        }
    }
    return s;
}

std::optional<std::int64_t> FieldCheck::integer(const json& parent, std::string_view key,
                                                const std::string& path, bool required,
                                                std::int64_t min, std::int64_t max) {
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required) add(path, "missing");
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        add(path, "wrong_type");
        return std::nullopt;
    }
    std::int64_t v;
    if (it->is_number_unsigned()) {
        auto u = it->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max)) {
            add(path, "out_of_range");
            return std::nullopt;
        }
        v = static_cast<std::int64_t>(u);
    } else {
        v = it->get<std::int64_t>();
    }
    if (v < min || v > max) {
        add(path, "out_of_range");
        return std::nullopt;
    }
    return v;
}

std::optional<std::int64_t> FieldCheck::money(const json& parent, std::string_view key,
                                              const std::string& path, bool required) {
    const json* m = object(parent, key, path, required);
    if (!m) return std::nullopt;
    auto amount = integer(*m, "amount", path + ".amount", true, 0, 100'000'000'00);
    auto currency = string(*m, "currency", path + ".currency", true, 8);
    if (currency && *currency != kCurrency) {
        add(path + ".currency", "unsupported");
        return std::nullopt;
    }
    return currency ? amount : std::nullopt;
}

}  // namespace central_api
