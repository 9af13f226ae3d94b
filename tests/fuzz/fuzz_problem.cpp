// Fuzz target: the kiosk's reading of an error answer (catalog_client::problem_error): a status
// from the first two bytes, a Retry-After header from the next few, the rest as the problem
// document. Properties: never crashes; the Error keeps only bounded fields (code ≤ 64 bytes,
// detail ≤ 300, sku ≤ 128, at most 20 field errors, retry_after_s within a day) with no control
// character, and its message holds none either (it reaches logs).
#include <cstdint>
#include <map>
#include <string>

#include "fuzz_support.hpp"
#include "catalog_client/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const long status = 400 + (data[0] | (data[1] << 8)) % 200;
    const std::size_t header_len = data[2] % 8;
    if (size < 3 + header_len) return 0;
    std::map<std::string, std::string> headers;
    if (header_len > 0) headers["retry-after"] = std::string(reinterpret_cast<const char*>(data) + 3, header_len);
    const std::string body(reinterpret_cast<const char*>(data) + 3 + header_len, size - 3 - header_len);
    const catalog_client::Error e = catalog_client::problem_error(status, body, headers);
    FUZZ_CHECK(e.kind == catalog_client::ErrorKind::Http && e.http_status == status, "not an HTTP error of its status");
    FUZZ_CHECK(e.code.size() <= 64, "code of " + std::to_string(e.code.size()) + " bytes");
    FUZZ_CHECK(e.message.size() <= 320, "message of " + std::to_string(e.message.size()) + " bytes");
    for (unsigned char c : e.message) FUZZ_CHECK(c >= 0x20 && c != 0x7f, "a control character in the message");
    FUZZ_CHECK(e.retry_after_s >= 0 && e.retry_after_s <= 9999999, "retry_after_s " + std::to_string(e.retry_after_s));
    const catalog_client::Problem& p = e.problem;
    FUZZ_CHECK(p.code == e.code, "the problem's code is not the error's");
    FUZZ_CHECK(p.errors.size() <= catalog_client::Problem::kMaxErrors, "more than 20 field errors kept");
    FUZZ_CHECK(p.detail.size() <= 300, "detail over 300 bytes");
    FUZZ_CHECK(p.sku.size() <= 128 && p.price_currency.size() <= 8, "an over-long sku or currency");
    FUZZ_CHECK(!p.retry_after_s || (*p.retry_after_s >= 0 && *p.retry_after_s <= 86400), "retry_after_s out of a day");
    for (const auto& f : p.errors) FUZZ_CHECK(f.field.size() <= 128 && f.code.size() <= 64, "an over-long field error");
    for (const std::string* s : {&p.code, &p.detail, &p.sku, &p.price_currency})
        for (unsigned char c : *s) FUZZ_CHECK(c >= 0x20 && c != 0x7f, "a control character kept");
    return 0;
}
