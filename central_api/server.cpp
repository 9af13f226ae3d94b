#include "central_api/server.hpp"

#include "central_api/catalog.hpp"
#include "central_api/http_guard.hpp"
#include "central_api/image_lru.hpp"
#include "central_api/credentials.hpp"
#include "central_api/order_access.hpp"
#include "central_api/problem.hpp"
#include "central_api/secrets.hpp"

#include <httplib.h>
#include <sodium.h>

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace central_api {

std::string RequestContext::param(const char* name) const {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}
bool RequestContext::has_param(const char* name) const { return req.has_param(name); }
std::string RequestContext::header(const char* name) const { return req.get_header_value(name); }

void RequestContext::reply(int status, const json& doc) const {
    reply_raw(status, doc.dump(-1, ' ', false, json::error_handler_t::replace));
}

void RequestContext::reply_raw(int status, const std::string& json_text) const {
    res.status = status;
    res.set_content(json_text, "application/json; charset=utf-8");
}

namespace {

void reply_problem(httplib::Response& res, int status, std::string_view code, std::string_view detail,
                   const json& extra = json::object()) {
    res.status = status;
    res.set_content(problem_document(status, code, detail, extra).dump(-1, ' ', false, json::error_handler_t::replace),
                    "application/problem+json");
}

std::string bearer_token(const httplib::Request& req) {
    std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.size() <= prefix.size() || auth.compare(0, prefix.size(), prefix) != 0) return {};
    return auth.substr(prefix.size());
}

// The kiosk a bearer token belongs to: looked up by the token's SHA-256, compared in constant time.
std::optional<KioskCaller> find_kiosk(Db& db, const std::string& token) {
    if (token.empty()) return std::nullopt;
    const std::string hash = sha256_hex(token);
    auto st = db.prepare("SELECT id, store_id, token_hash FROM kiosks WHERE token_hash = ?");
    st.bind(1, hash);
    if (!st.step() || !same_hash(st.text(2), hash)) return std::nullopt;
    return KioskCaller{st.text(0), st.text(1)};
}

std::string lower_trimmed(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The path as logged: a loyalty card, a payment token or a hand-off link in it is personal or
// secret, so the segment after those prefixes is replaced.
std::string loggable_path(const std::string& path) {
    for (const char* prefix : {"/v1/customers/by-card/", "/pay/", "/h/"}) {
        const std::string p(prefix);
        if (path.rfind(p, 0) == 0) return p + "…";
    }
    return path.size() > 200 ? path.substr(0, 200) + "…" : path;
}

// Calls that need no kiosk token: the health check, the demo payment page, the hand-off page a
// phone opens, and the operator's pages (signed in by their own cookie).
bool is_public(const httplib::Request& req) {
    return req.path == "/v1/health" || req.path.rfind("/pay/", 0) == 0 || req.path.rfind("/h/", 0) == 0 ||
           req.path == "/ops" || req.path.rfind("/ops/", 0) == 0;
}

// Calls for an operator token rather than a kiosk's.
bool for_operators(const httplib::Request& req) { return req.path.rfind("/v1/reports/", 0) == 0; }

constexpr std::size_t kSignInBodyBytes = 4096;  // POST /ops/login: one form field

}  // namespace

Server::Server(ServerOptions options) : options_(std::move(options)) {
    if (sodium_init() < 0) throw std::runtime_error("cannot initialise libsodium");
    std::error_code ec;
    if (!std::filesystem::exists(options_.db_path, ec))
        throw std::runtime_error("database " + options_.db_path + " does not exist");
    {
        Db probe(options_.db_path, Db::Mode::ReadWrite);
        probe.exec("PRAGMA journal_mode = WAL;");
        auto version = probe.meta("schema_version");
        if (!version)
            throw std::runtime_error(options_.db_path + " is not a central-api database");
        if (*version != std::to_string(kSchemaVersion))
            throw std::runtime_error(options_.db_path + " has schema version " + *version +
                                     ", this server needs " + std::to_string(kSchemaVersion));
        add_later_tables(probe);  // older databases get them here
        Transaction tx(probe);
        purge_tombstones(probe, options_.clock(), options_.cursor_retention_s);
        probe.prepare("DELETE FROM idempotency WHERE created_at < ?")
            .bind(1, options_.clock() - options_.idempotency_retention_s)
            .run();
        tx.commit();
    }
    pool_ = std::make_unique<DbPool>(options_.db_path, options_.threads);
    image_lru_ = std::make_unique<ImageLru>(options_.image_cache_bytes);
    order_lookups_ = std::make_unique<OrderLookups>(options_.order_lookup_failures, options_.order_lookup_window_s);
    http_ = std::make_unique<GuardedHttpServer>(options_.max_head_bytes, options_.threads);
    // Answers leave at once: without it a small answer on a kept-alive connection waits for
    // the client's delayed ACK (about 40 ms on Linux).
    http_->set_tcp_nodelay(true);
    http_->set_payload_max_length(options_.max_body_bytes);
    http_->set_keep_alive_max_count(1000);
    http_->set_read_timeout(30, 0);
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
    // server silently share a port that is already in use.
    // The listening socket is remembered so that bind() can raise its backlog.
    http_->set_socket_options([this](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listen_fd_ = sock;
    });
    // Requests httplib refuses itself (a request line or headers it cannot parse or that hit
    // the head budget, a Range it cannot satisfy, no route): a problem, and the connection
    // closes, since httplib may have left bytes of the request unread.
    http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (res.status != 404) GuardedHttpServer::close_after_response();
        switch (res.status) {
            case 404: reply_problem(res, 404, "not_found", "no such resource"); break;
            case 413: reply_problem(res, 413, "payload_too_large", "the request body is larger than 1 MiB"); break;
            case 414: reply_problem(res, 414, "uri_too_long", "the request line is too long"); break;
            case 400:
                if (GuardedHttpServer::budget_hit())
                    reply_problem(res, 431, "headers_too_large", "the request line and headers are too large");
                else
                    reply_problem(res, 400, "bad_request", "malformed HTTP request");
                break;
            default:
                if (res.status < 500) reply_problem(res, res.status, "bad_request", "the request cannot be served");
                else reply_problem(res, res.status, "internal", "request failed");
                break;
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        GuardedHttpServer::close_after_response();
        reply_problem(res, 500, "internal", "unexpected server error");
    });
    // Every request is admitted (or refused) after its headers and before its body.
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        return admit(req, res) ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
    });
    // A client that waits for 100 Continue is refused before it sends its body.
    http_->set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
        return admit(req, res) ? 100 : res.status;
    });
    // A connection about to close says so (httplib would announce keep-alive).
    http_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!GuardedHttpServer::closing()) return;
        res.headers.erase("Keep-Alive");
        res.headers.erase("Connection");
        res.set_header("Connection", "close");
    });
    RouteFn add = [this](const char* method, const char* pattern, Access access, Handler handler) {
        route(method, pattern, access, std::move(handler));
    };
    add_kiosk_routes(add);
    add_catalog_routes(add);
    add_commerce_routes(add);
    add_staff_routes(add);
    add_payment_routes(add);
    add_handoff_routes(add);
    add_ops_routes(add);
}

Server::~Server() { stop(); }

bool Server::admit(const httplib::Request& req, httplib::Response& res) {
    auto refuse = [&res](int status, std::string_view code, std::string_view detail) {
        GuardedHttpServer::close_after_response();
        reply_problem(res, status, code, detail);
        return false;
    };
    try {
        // Framing: one way to know where the body ends, and no body where none is expected.
        const bool chunked = req.has_header("Transfer-Encoding");
        const bool has_length = req.has_header("Content-Length");
        std::uint64_t length = 0;
        if (has_length) {
            const std::string value = req.get_header_value("Content-Length");
            if (req.get_header_value_count("Content-Length") > 1 || value.empty() || value.size() > 18 ||
                value.find_first_not_of("0123456789") != std::string::npos)
                return refuse(400, "bad_request", "invalid Content-Length");
            length = std::stoull(value);
        }
        if (chunked && has_length) return refuse(400, "bad_request", "both Content-Length and Transfer-Encoding");
        if (chunked && (req.get_header_value_count("Transfer-Encoding") > 1 ||
                        lower_trimmed(req.get_header_value("Transfer-Encoding")) != "chunked"))
            return refuse(501, "not_implemented", "the only Transfer-Encoding accepted is chunked");
        const bool has_body = chunked || length > 0;
        const bool takes_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
        if (has_body && !takes_body) return refuse(400, "bad_request", "a " + req.method + " request has no body");
        if (takes_body && !chunked && !has_length)
            return refuse(411, "length_required", "a body needs Content-Length or chunked Transfer-Encoding");

        // Authentication, before the body.
        if (for_operators(req)) {
            auto lease = pool_->acquire();
            const std::string token = bearer_token(req);
            if (!find_operator(*lease, token))
                return find_kiosk(*lease, token)
                           ? refuse(403, "forbidden", "this call needs an operator token, not a kiosk token")
                           : refuse(401, "unauthorized", "missing or unknown operator token (Authorization: Bearer <token>)");
        } else if (!is_public(req)) {
            auto lease = pool_->acquire();
            if (!find_kiosk(*lease, bearer_token(req)))
                return refuse(401, "unauthorized", "missing or unknown kiosk token (Authorization: Bearer <token>)");
        }
        if (req.path.rfind("/ops/", 0) == 0 && chunked)
            return refuse(411, "length_required", "a sign-in form needs Content-Length");
        if (req.path.rfind("/ops/", 0) == 0 && length > kSignInBodyBytes)
            return refuse(413, "payload_too_large", "a sign-in form is at most 4 KiB");

        if (has_body) {
            const std::string encoding = lower_trimmed(req.get_header_value("Content-Encoding"));
            if (!encoding.empty() && encoding != "identity")
                return refuse(415, "unsupported_media_type", "request bodies are not accepted compressed (Content-Encoding)");
            if (lower_trimmed(req.get_header_value("Content-Type")).rfind("multipart/", 0) == 0)
                return refuse(415, "unsupported_media_type", "multipart bodies are not accepted");
            if (length > options_.max_body_bytes)
                return refuse(413, "payload_too_large", "the request body is larger than 1 MiB");
        }
        // The body may now be read: exactly the declared length, or for a chunked body the
        // limit twice over to leave room for the chunks' framing.
        GuardedHttpServer::allow_body(chunked ? 2 * options_.max_body_bytes + 64 * 1024 : static_cast<std::size_t>(length));
        return true;
    } catch (const DbError& e) {
        std::fprintf(stderr, "central-api: database error admitting %s %s: %s\n", req.method.c_str(), loggable_path(req.path).c_str(), e.what());
        return refuse(503, "internal", "the database is busy or unavailable; retry later");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "central-api: error admitting %s %s: %s\n", req.method.c_str(), loggable_path(req.path).c_str(), e.what());
        return refuse(500, "internal", "unexpected server error");
    }
}

void Server::route(const char* method, const char* pattern, Access access, Handler handler) {
    std::string m(method);
    if (m == "GET") {
        http_->Get(pattern, [this, access, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            handle(req, std::string(), res, access, handler);
        });
    } else if (m == "POST") {
        // The body is read here, capped at max_body_bytes once decoded; admit() has already
        // bounded the bytes on the wire.
        http_->Post(pattern, [this, access, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                                                           const httplib::ContentReader& reader) {
            std::string body;
            bool too_large = false;
            const std::size_t cap = options_.max_body_bytes;
            bool complete = reader([&](const char* data, std::size_t size) {
                if (body.size() + size > cap) {
                    too_large = true;
                    return false;
                }
                body.append(data, size);
                return true;
            });
            if (!complete) {
                GuardedHttpServer::close_after_response();
                if (too_large || GuardedHttpServer::budget_hit())
                    reply_problem(res, 413, "payload_too_large", "the request body is larger than 1 MiB");
                else
                    reply_problem(res, 400, "bad_request", "the request body is truncated or its chunked framing is malformed");
                return;
            }
            handle(req, body, res, access, handler);
        });
    } else if (m == "DELETE") {
        http_->Delete(pattern, [this, access, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            handle(req, std::string(), res, access, handler);
        });
    } else {
        throw std::logic_error("unsupported method " + m);
    }
}

void Server::handle(const httplib::Request& req, const std::string& body, httplib::Response& res, Access access,
                    const Handler& handler) {
    try {
        auto lease = pool_->acquire();
        RequestContext ctx{req, body, res, *lease, options_.clock(), {}, std::nullopt, options_, write_mutex_, *image_lru_, *order_lookups_};
        if (access == Access::Operator) {
            // Admitted already; checked again here as every route is.
            if (!find_operator(ctx.db, bearer_token(req)))
                throw ApiError(401, "unauthorized", "missing or unknown operator token (Authorization: Bearer <token>)");
            return handler(ctx);
        }
        if (access != Access::Public) {
            auto kiosk = find_kiosk(ctx.db, bearer_token(req));
            if (!kiosk) throw ApiError(401, "unauthorized", "missing or unknown kiosk token (Authorization: Bearer <token>)");
            ctx.kiosk = *kiosk;
            check_rate(ctx.kiosk.kiosk_id, ctx.now);
        }
        std::string staff_token = req.get_header_value("X-Staff-Session");
        if (access != Access::Public && !staff_token.empty()) {
            // A staff session belongs to the kiosk that opened it, and to that kiosk's store.
            const std::string hash = sha256_hex(staff_token);
            auto st = ctx.db.prepare(
                "SELECT s.staff_id, f.name, f.store_id, s.expires_at, s.token_hash FROM staff_sessions s "
                "JOIN staff f ON f.id = s.staff_id WHERE s.token_hash = ? AND s.kiosk_id = ?");
            st.bind(1, hash).bind(2, ctx.kiosk.kiosk_id);
            if (st.step() && same_hash(st.text(4), hash) && st.integer(3) > ctx.now && st.text(2) == ctx.kiosk.store_id)
                ctx.staff = StaffIdentity{st.text(0), st.text(1), st.text(2), hash};
        }
        if (access == Access::Staff && !ctx.staff) {
            throw ApiError(403, "forbidden", staff_token.empty()
                                                 ? "this call needs a staff session (X-Staff-Session)"
                                                 : "the staff session is unknown or has expired");
        }
        handler(ctx);
    } catch (const ApiError& e) {
        reply_problem(res, e.status, e.code, e.detail, e.extra);
        if (e.status == 429 && e.extra.contains("retry_after_s"))
            res.set_header("Retry-After", std::to_string(e.extra["retry_after_s"].get<std::int64_t>()));
    } catch (const json::exception& e) {
        reply_problem(res, 400, "bad_request", std::string("malformed request: ") + e.what());
    } catch (const DbError& e) {
        std::fprintf(stderr, "central-api: database error on %s %s: %s\n", req.method.c_str(), loggable_path(req.path).c_str(), e.what());
        reply_problem(res, 503, "internal", "the database is busy or unavailable; retry later");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "central-api: error on %s %s: %s\n", req.method.c_str(), loggable_path(req.path).c_str(), e.what());
        reply_problem(res, 500, "internal", "unexpected server error");
    }
}

void Server::check_rate(const std::string& kiosk_id, std::int64_t now) {
    if (options_.rate_per_s <= 0) return;
    std::lock_guard lock(rate_mutex_);
    auto [it, fresh] = buckets_.try_emplace(kiosk_id);
    Bucket& b = it->second;
    if (fresh) b = {options_.rate_burst, now};
    if (now > b.refilled_at) {
        b.tokens = std::min(options_.rate_burst, b.tokens + static_cast<double>(now - b.refilled_at) * options_.rate_per_s);
        b.refilled_at = now;
    }
    if (b.tokens < 1) {
        auto wait = static_cast<std::int64_t>(std::ceil((1 - b.tokens) / options_.rate_per_s));
        throw ApiError(429, "rate_limited", "too many requests from this kiosk; retry in " + std::to_string(wait) + " s",
                       {{"retry_after_s", wait}});
    }
    b.tokens -= 1;
}

int Server::bind() {
    if (options_.port == 0) {
        port_ = http_->bind_to_any_port(options_.host);
    } else {
        port_ = http_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
    }
    if (port_ <= 0)
        throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                 " (address in use or not available)");
    // Debian's cpp-httplib is built with a listen backlog of 5: a burst of clients (64 kiosks
    // racing for the last units) overflows it. Calling listen() again raises the backlog.
    if (listen_fd_ >= 0) ::listen(listen_fd_, 1024);
    if (options_.public_url.empty()) options_.public_url = url();
    return port_;
}

bool Server::run() { return http_->listen_after_bind(); }

void Server::stop() {
    if (http_) http_->stop();
}

std::string Server::url() const {
    std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
    return "http://" + host + ":" + std::to_string(port_);
}

}  // namespace central_api
