#pragma once
// HTTP transport of the kiosk: one network thread owns a libcurl multi handle and runs every
// request. Requests are tagged with an id and can be cancelled; each has connect, total and
// low-speed timeouts and a maximum response size (a smaller one for the problem document of an
// error status: over it, the error keeps its status without the document); idempotent ones are
// retried with exponential
// backoff and jitter on network errors, timeouts, 429 and 502/503/504. Connections are reused,
// HTTP/2 is used when the server offers it, responses may be compressed, TLS is always verified.
//
// Thread rules: submit() and cancel() may be called from any thread. Callbacks run on the
// network thread: they must be quick and must not call back into the Transport's destructor.
// The destructor cancels what is in flight (callbacks get Cancelled) and joins the thread.

#include "catalog_client/result.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace catalog_client {

using RequestId = std::uint64_t;

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool with_token = true;   // send the kiosk's bearer token (never for foreign hosts)
    bool retry = true;        // safe to retry: GETs, and POSTs that carry an Idempotency-Key
    int max_attempts = 4;
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds total_timeout{15000};
    long low_speed_bytes_per_s = 64;       // slower than this ...
    std::chrono::seconds low_speed_time{8};  // ... for this long is a timeout
    std::size_t max_response_bytes = 64u * 1024 * 1024;
    std::size_t max_problem_bytes = 64u * 1024;  // the body of a status >= 400
    // A large answer streamed instead of kept (a snapshot file): a 2xx answer's status and
    // headers (names in lower case) go to `begin` before its first byte, then its body to
    // `write`, piece by piece, on the network thread; either returning false ends the transfer
    // (ErrorKind::Storage). The response's body stays empty. Such a request is never retried by
    // the transport: the caller resumes it (a Range from what it has).
    struct Sink {
        std::function<bool(long status, const std::map<std::string, std::string>& headers)> begin;
        std::function<bool(const char* data, std::size_t size)> write;
    };
    std::shared_ptr<Sink> sink;
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // names in lower case
    int attempts = 0;
    std::string header(const std::string& lower_name) const;
};

struct TransportOptions {
    std::string bearer_token;     // sent as Authorization: Bearer; never logged
    std::string ca_bundle;        // PEM file; empty: the system's
    long max_host_connections = 6;
    std::chrono::milliseconds backoff_base{250};
    std::chrono::milliseconds backoff_max{8000};
    std::string user_agent = "endless-aisle-kiosk/0.1";
};

// The Error for an answer with status >= 400: its problem document (`body`, possibly empty or
// hostile) read bounded, only the fields the kiosk uses kept; Retry-After from `headers` (names
// in lower case). Never throws.
Error problem_error(long status, const std::string& body, const std::map<std::string, std::string>& headers);

class Transport {
public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    explicit Transport(TransportOptions options);
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // Queues a request; `done` is called exactly once, on the network thread.
    RequestId submit(HttpRequest request, Callback done);
    // Cancels a queued or running request (its callback gets ErrorKind::Cancelled).
    void cancel(RequestId id);
    // Requests submitted whose callback has not returned yet (retries waiting included).
    std::size_t outstanding() const;
    // Blocking form for tools and tests (never call it on the UI thread).
    Result<HttpResponse> perform(HttpRequest request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace catalog_client
