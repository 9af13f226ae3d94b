#pragma once
// Typed outcomes of every call of the client: a value or an Error, never an exception across
// threads. Error kinds mirror what can go wrong between the kiosk and the commerce API.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace catalog_client {

enum class ErrorKind {
    Network,    // cannot connect, connection reset, DNS, TLS
    Timeout,    // connect, total or low-speed timeout
    Http,       // the server answered with a status >= 400 (see http_status and code)
    Parse,      // the answer is not what the contract says (malformed, wrongly typed)
    TooLarge,   // the answer is larger than the configured maximum
    Cancelled,  // the caller cancelled the request
    Storage,    // the local replica or outbox failed (disk full, corrupt file)
    Config,     // bad configuration (unreadable token file, bad URL)
};
const char* to_string(ErrorKind kind);

// One field the server refused in a validation problem.
struct FieldError {
    std::string field, code;  // "fulfilment.address.postcode", "invalid"
};

// The fields of a problem document (an answer with status >= 400) that the kiosk uses, copied
// with bounded lengths; never the document itself (it may be large, deep or quote what was
// sent). Empty strings and absent optionals are fields the document did not have.
struct Problem {
    static constexpr std::size_t kMaxErrors = 20;
    std::string code;                           // at most 64 bytes
    std::string detail;                         // at most 300 bytes
    std::string sku;                            // at most 128 bytes
    std::optional<std::int64_t> available;      // out_of_stock: what is left
    std::optional<std::int64_t> price_amount;   // price_changed: the price now, minor units
    std::string price_currency;                 // at most 8 bytes
    std::optional<std::int64_t> retry_after_s;  // clamped to [0, 86400]
    std::optional<std::int64_t> tries_left;     // a wrong staff PIN: tries before the lock, [0, 100]
    std::vector<FieldError> errors;             // at most kMaxErrors
};

struct Error {
    ErrorKind kind = ErrorKind::Network;
    int http_status = 0;    // for Http
    std::string code;       // the problem's stable code ("out_of_stock"...) for Http
    std::string message;    // one line, for logs and operators; never contains secrets
    int retry_after_s = 0;  // from Retry-After / retry_after_s, when given
    Problem problem;        // from the problem document, when there was one (Http)

    // Named construction (the fields above are positional in an aggregate initialiser):
    // Error::of(ErrorKind::Storage, "cannot lock …").
    static Error of(ErrorKind kind, std::string message) {
        Error e;
        e.kind = kind;
        e.message = std::move(message);
        return e;
    }
};
std::string describe(const Error& error);

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Unit {};  // for calls that return nothing but success

}  // namespace catalog_client
