#pragma once
// An httplib::Server that bounds what one request may make the server read, below httplib's own
// parsing. Debian 12's cpp-httplib 0.11.4 grows its line buffer without limit (request line,
// headers, chunk sizes), only checks a declared Content-Length (a chunked body is read whole:
// CVE-2025-46728) and keeps a connection open after a response that left a body unread.
// Here every connection is served through a stream that ends (reads return 0) at a budget:
// - the request line and headers: at most `max_head_bytes` per request (httplib then answers
//   414 or 400, which the error handler turns into a problem);
// - the body: nothing until allow_body() grants a budget of wire bytes (called by the
//   pre-routing handler, which runs after the headers and before any byte of the body).
// A connection closes after a response when close_after_response() was called or a budget was
// hit: bytes the server did not read are never parsed as the next request. Before closing, the
// server stops sending (FIN) and drains briefly, so the client reads the answer rather than a reset.
// Thread rules: httplib serves a connection on one worker thread from its first request to its
// close; the static functions act on the calling thread's connection (none: they do nothing).

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>

namespace central_api {

class GuardedHttpServer : public httplib::Server {
public:
    // Serves connections on `threads` workers. httplib gives each connection a worker until it
    // closes, so an idle kept-alive connection (a kiosk between two calls) holds one: it is
    // kept while workers are free and closed as soon as another connection waits for one.
    GuardedHttpServer(std::size_t max_head_bytes, std::size_t threads);

    // From now on the current request may read `wire_bytes` more bytes (its body).
    static void allow_body(std::size_t wire_bytes);
    // Close the current connection once this response is written.
    static void close_after_response();
    // Whether the current request's reads ended at a budget.
    static bool budget_hit();
    // Whether the current connection will close after this response.
    static bool closing();

protected:
    bool process_and_close_socket(socket_t sock) override;

private:
    std::size_t max_head_bytes_;
    std::shared_ptr<std::atomic<int>> waiting_ = std::make_shared<std::atomic<int>>(0);  // connections queued for a worker
};

}  // namespace central_api
