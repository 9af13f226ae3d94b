#pragma once
// Typed outcomes of every call of the client: a value or an Error, never an exception across
// threads. Error kinds mirror what can go wrong between the kiosk and the commerce API.

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <variant>

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

struct Error {
    ErrorKind kind = ErrorKind::Network;
    int http_status = 0;    // for Http
    std::string code;       // the problem's stable code ("out_of_stock"...) for Http
    std::string message;    // one line, for logs and operators; never contains secrets
    int retry_after_s = 0;  // from Retry-After / retry_after_s, when given
    // From the problem document, when there was one: only the fields the kiosk uses (code,
    // detail, sku, available, price{amount,currency}, retry_after_s, errors[{field,code}] — at
    // most 20), copied with bounded lengths; never the document itself.
    nlohmann::json problem;

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
