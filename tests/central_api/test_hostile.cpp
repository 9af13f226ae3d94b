// Hostile requests on the wire (issue 10, items 1 and 3): deeply nested JSON, bodies over the
// limit sent chunked or compressed, an unauthenticated body that must not be read, a request
// line or header without an end. Each gets a 4xx problem, memory stays bounded, and the server
// keeps answering. The server runs in this process, so its memory is this process's memory.
#include "harness.hpp"
#include "raw_http.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

using testing::Harness;
using testing::json;
using testing::RawConnection;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;
// Growth of the peak resident memory allowed while the server handles one hostile request:
// far below what the request would cost if it were buffered (200 MB and more).
constexpr long kMemoryBoundKiB = 64 * 1024;

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

void check_alive(Harness& h) {
    auto health = h.get("/v1/health", {}, false);
    CHECK(health.status == 200);
    CHECK(h.get("/v1/kiosks/me").status == 200);
}

void check_problem_text(const std::string& response, int status) {
    CHECK(testing::first_status(response) == status);
    CHECK(testing::first_header(response, "content-type").find("application/problem+json") == 0);
    json doc = json::parse(testing::first_body(response), nullptr, false);
    CHECK(doc.is_object());
    if (doc.is_object()) CHECK(doc["status"] == status);
}

// A chunked body of `total` bytes of `fill`, in chunks of 16 KiB, produced piece by piece.
testing::RawConnection::Producer chunks(std::size_t total, char fill) {
    auto left = std::make_shared<std::size_t>(total);
    auto done = std::make_shared<bool>(false);
    return [left, done, fill](std::string& piece) {
        while (!*done && piece.size() < 64 * 1024) {
            if (*left == 0) {
                piece += "0\r\n\r\n";
                *done = true;
                break;
            }
            std::size_t n = std::min<std::size_t>(*left, 16 * 1024);
            char size[16];
            std::snprintf(size, sizeof size, "%zx\r\n", n);
            piece += size;
            piece.append(n, fill);
            piece += "\r\n";
            *left -= n;
        }
        return !*done;
    };
}

// `total` bytes of 'a' (no newline), produced piece by piece.
testing::RawConnection::Producer filler(std::size_t total) {
    auto left = std::make_shared<std::size_t>(total);
    return [left](std::string& piece) {
        std::size_t n = std::min<std::size_t>(*left, 64 * 1024);
        piece.append(n, 'a');
        *left -= n;
        return *left > 0;
    };
}

// `text` sent chunked, in chunks of 16 KiB.
std::string chunked(const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); at += 16 * 1024) {
        std::size_t n = std::min<std::size_t>(text.size() - at, 16 * 1024);
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", n);
        out += size;
        out.append(text, at, n);
        out += "\r\n";
    }
    return out + "0\r\n\r\n";
}

std::string gzip_of_zeros(std::size_t inflated) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string in(kMiB, '\0'), out;
    char buf[65536];
    std::size_t left = inflated;
    int flush = Z_NO_FLUSH;
    do {
        std::size_t n = std::min(left, in.size());
        left -= n;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = reinterpret_cast<Bytef*>(in.data());
        z.avail_in = static_cast<uInt>(n);
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            deflate(&z, flush);
            out.append(buf, sizeof buf - z.avail_out);
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);
    return out;
}

}  // namespace

TEST_CASE("deeply nested JSON gets a 400 problem on every endpoint that reads a body; the server lives") {
    Harness h;
    const std::string deep = nested(300000);  // 600 KB, under the 1 MiB limit
    const std::string heartbeat =
        R"({"version":"0.1.0","catalog_cursor":null,"outbox_depth":0,"uptime_s":1,"x":)" + deep + "}";
    const std::string events =
        R"({"events":[{"type":"search","at":"2026-11-23T10:00:00+01:00","session_id":"s","data":{"x":)" + deep + "}}]}";
    json order = testing::order_body(h, testing::stock_only_at(h, "paris-rivoli", 3), 1, "paris-rivoli");
    std::string order_text = order.dump();
    order_text.insert(order_text.size() - 1, ",\"x\":" + deep);
    const std::string quote = R"({"lines":[{"sku":"x","quantity":1}],"x":)" + deep + "}";
    const std::string session = R"({"pin":"123456","x":)" + deep + "}";

    struct Case {
        const char* path;
        const std::string& body;
    };
    for (const Case& c : {Case{"/v1/kiosks/heartbeat", heartbeat}, Case{"/v1/events", events},
                          Case{"/v1/orders", order_text}, Case{"/v1/quotes", quote},
                          Case{"/v1/staff/sessions", session}}) {
        CAPTURE(c.path);
        auto r = h.post(c.path, c.body, {{"Idempotency-Key", "deep-1"}});
        CHECK(r.status == 400);
        CHECK(r.header("Content-Type").find("application/problem+json") == 0);
        CHECK(r.doc()["code"] == "bad_request");
        check_alive(h);
    }
    // Nothing was stored from the hostile bodies.
    auto db = h.open_db();
    auto st = db->prepare("SELECT (SELECT COUNT(*) FROM heartbeats) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM orders)");
    st.step();
    CHECK(st.integer(0) == 0);
}

TEST_CASE("a 3 MiB chunked body with a valid token is refused with 413, never accepted") {
    Harness h;
    RawConnection c(h.port());
    // A valid events batch padded to 3 MiB by an unknown field: accepted if the size is not checked.
    std::string head = "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + h.token +
                       "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string prefix =
        R"({"events":[{"type":"search","at":"2026-11-23T10:00:00+01:00","session_id":"s"}],"pad":")";
    const std::string body = prefix + std::string(3 * kMiB, 'a') + "\"}";
    auto out = c.exchange(head + chunked(body));
    REQUIRE_FALSE(out.timed_out);
    CHECK(testing::first_status(out.response) != 202);
    check_problem_text(out.response, 413);
    CHECK(json::parse(testing::first_body(out.response), nullptr, false)["code"] == "payload_too_large");
    check_alive(h);
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM events");
    st.step();
    CHECK(st.integer(0) == 0);
}

TEST_CASE("an unauthenticated 200 MiB chunked body gets 401 before it is read; memory stays bounded") {
    Harness h;
    check_alive(h);
    testing::reset_peak_memory();
    const long before = testing::peak_memory_kib();
    RawConnection c(h.port());
    const std::size_t total = 200 * kMiB;
    auto out = c.stream("POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                        chunks(total, 'a'));
    const long growth = testing::peak_memory_kib() - before;
    REQUIRE_FALSE(out.timed_out);
    CHECK(out.answered);                 // the answer came while the body was still being sent
    CHECK(out.sent < 100 * kMiB);        // so most of it was never sent at all
    check_problem_text(out.response, 401);
    CHECK(testing::count_responses(out.response) == 1);
    MESSAGE("sent " << out.sent / 1024 << " KiB before the answer; peak memory grew by " << growth << " KiB");
    CHECK(growth < kMemoryBoundKiB);
    check_alive(h);
}

TEST_CASE("a gzip body that inflates to 300 MB is refused (413/415) and memory stays bounded") {
    Harness h;
    const std::string gz = gzip_of_zeros(300 * kMiB);
    REQUIRE(gz.size() < 1 * kMiB);
    check_alive(h);
    testing::reset_peak_memory();
    const long before = testing::peak_memory_kib();
    RawConnection c(h.port());
    std::string request = "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + h.token +
                          "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " +
                          std::to_string(gz.size()) + "\r\n\r\n" + gz;
    auto out = c.exchange(request);
    const long growth = testing::peak_memory_kib() - before;
    REQUIRE_FALSE(out.timed_out);
    int status = testing::first_status(out.response);
    CHECK((status == 413 || status == 415));
    check_problem_text(out.response, status);
    MESSAGE("peak memory grew by " << growth << " KiB");
    CHECK(growth < kMemoryBoundKiB);
    check_alive(h);
}

TEST_CASE("a request line or a header without an end gets a 4xx and memory stays bounded") {
    Harness h;
    check_alive(h);
    const std::size_t total = 200 * kMiB;
    SUBCASE("request line") {
        testing::reset_peak_memory();
        const long before = testing::peak_memory_kib();
        RawConnection c(h.port());
        auto out = c.stream("GET /v1/health?", filler(total));
        const long growth = testing::peak_memory_kib() - before;
        REQUIRE_FALSE(out.timed_out);
        int status = testing::first_status(out.response);
        CHECK(status >= 400);
        CHECK(status < 500);
        check_problem_text(out.response, status);
        MESSAGE("status " << status << ", sent " << out.sent / 1024 << " KiB, peak memory grew by " << growth << " KiB");
        CHECK(growth < kMemoryBoundKiB);
    }
    SUBCASE("header") {
        testing::reset_peak_memory();
        const long before = testing::peak_memory_kib();
        RawConnection c(h.port());
        auto out = c.stream("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Long: ", filler(total));
        const long growth = testing::peak_memory_kib() - before;
        REQUIRE_FALSE(out.timed_out);
        int status = testing::first_status(out.response);
        CHECK(status >= 400);
        CHECK(status < 500);
        check_problem_text(out.response, status);
        MESSAGE("status " << status << ", sent " << out.sent / 1024 << " KiB, peak memory grew by " << growth << " KiB");
        CHECK(growth < kMemoryBoundKiB);
    }
    check_alive(h);
}

TEST_CASE("a body the server does not read is never parsed as the next request") {
    Harness h;
    const std::string inner = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
    SUBCASE("refused before reading: bad token") {
        RawConnection c(h.port());
        auto out = c.exchange("POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n"
                              "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(inner.size()) + "\r\n\r\n" + inner);
        REQUIRE_FALSE(out.timed_out);  // the server closed the connection
        check_problem_text(out.response, 401);
        CHECK(testing::count_responses(out.response) == 1);
        CHECK(testing::first_header(out.response, "connection") == "close");
    }
    SUBCASE("a GET with a body") {
        RawConnection c(h.port());
        auto out = c.exchange("GET /v1/kiosks/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + h.token +
                              "\r\nContent-Length: " + std::to_string(inner.size()) + "\r\n\r\n" + inner);
        REQUIRE_FALSE(out.timed_out);
        CHECK(testing::count_responses(out.response) == 1);
        CHECK(testing::first_status(out.response) == 400);
    }
    SUBCASE("a declared length over the limit") {
        RawConnection c(h.port());
        auto out = c.exchange("POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + h.token +
                              "\r\nContent-Length: 5000000\r\n\r\n" + inner);
        REQUIRE_FALSE(out.timed_out);
        check_problem_text(out.response, 413);
        CHECK(testing::count_responses(out.response) == 1);
    }
    SUBCASE("a well-formed keep-alive exchange still works") {
        RawConnection c(h.port());
        const std::string body = R"({"events":[]})";
        std::string one = "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + h.token +
                          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\n\r\n" + body;
        auto out = c.exchange(one + one + "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        REQUIRE_FALSE(out.timed_out);
        CHECK(testing::count_responses(out.response) == 3);
        CHECK(testing::first_status(out.response) == 202);
    }
    check_alive(h);
}

TEST_CASE("framing the server will not read is refused before the body, with a problem, and the connection closes") {
    Harness h;
    const std::string auth = "Authorization: Bearer " + h.token + "\r\n";
    const std::string body = R"({"events":[]})";
    const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
    struct Case {
        const char* what;
        std::string request;
        int status;
    };
    const std::vector<Case> cases = {
        {"no length", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n" + body, 411},
        {"two lengths", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + length + length + "\r\n" + body, 400},
        {"a length that is not a number", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 1x\r\n\r\n" + body, 400},
        {"length and chunked", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + length + "Transfer-Encoding: chunked\r\n\r\n" + body, 400},
        {"another transfer coding", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + "Transfer-Encoding: gzip, chunked\r\n\r\n" + body, 501},
        {"multipart", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + length + "Content-Type: multipart/form-data; boundary=x\r\n\r\n" + body, 415},
        {"deflate", "POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + length + "Content-Encoding: deflate\r\n\r\n" + body, 415},
        {"a DELETE with a body", "DELETE /v1/staff/sessions/current HTTP/1.1\r\nHost: x\r\n" + auth + length + "\r\n" + body, 400},
        {"100-continue with a bad token",
         "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\nExpect: 100-continue\r\n" + length + "\r\n", 401},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        RawConnection conn(h.port());
        auto out = conn.exchange(c.request);
        REQUIRE_FALSE(out.timed_out);  // answered, then closed
        check_problem_text(out.response, c.status);
        CHECK(testing::count_responses(out.response) == 1);
        CHECK(testing::first_header(out.response, "connection") == "close");
    }
    // With a good token, 100-continue lets the body come and it is served.
    RawConnection conn(h.port());
    auto out = conn.exchange("POST /v1/events HTTP/1.1\r\nHost: x\r\n" + auth + "Expect: 100-continue\r\nConnection: close\r\n" +
                             length + "\r\n" + body);
    CHECK(out.response.rfind("HTTP/1.1 100 Continue", 0) == 0);
    CHECK(out.response.find("HTTP/1.1 202") != std::string::npos);
    check_alive(h);
}
