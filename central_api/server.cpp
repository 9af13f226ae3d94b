#include "server.hpp"

#include "catalog.hpp"
#include "image_cache.hpp"
#include "problem.hpp"

#include <httplib.h>
#include <sodium.h>

#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace central_api {

json Ctx::body() const { return parse_body(req.body); }
std::string Ctx::param(const char* name) const {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}
bool Ctx::has_param(const char* name) const { return req.has_param(name); }
std::string Ctx::header(const char* name) const { return req.get_header_value(name); }

void Ctx::reply(int status, const json& doc) const {
    reply_raw(status, doc.dump(-1, ' ', false, json::error_handler_t::replace));
}

void Ctx::reply_raw(int status, const std::string& json_text) const {
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
        Transaction tx(probe);
        purge_tombstones(probe, options_.clock(), options_.cursor_retention_s);
        probe.prepare("DELETE FROM idempotency WHERE created_at < ?")
            .bind(1, options_.clock() - options_.idempotency_retention_s)
            .run();
        tx.commit();
    }
    pool_ = std::make_unique<DbPool>(options_.db_path, options_.threads);
    images_ = std::make_unique<ImageCache>(options_.image_cache_bytes);
    http_ = std::make_unique<httplib::Server>();
    const std::size_t threads = options_.threads;
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
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
    http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
            case 404: reply_problem(res, 404, "not_found", "no such resource"); break;
            case 413:
                reply_problem(res, 413, "payload_too_large", "the request body is larger than 1 MiB");
                break;
            case 400: reply_problem(res, 400, "bad_request", "malformed HTTP request"); break;
            default: reply_problem(res, res.status, "internal", "request failed"); break;
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        reply_problem(res, 500, "internal", "unexpected server error");
    });
    RouteFn add = [this](const char* method, const char* pattern, Access access, Handler handler) {
        route(method, pattern, access, std::move(handler));
    };
    add_kiosk_routes(add);
    add_catalog_routes(add);
    add_commerce_routes(add);
    add_staff_routes(add);
    add_payment_routes(add);
}

Server::~Server() { stop(); }

void Server::route(const char* method, const char* pattern, Access access, Handler handler) {
    auto fn = [this, access, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        handle(req, res, access, handler);
    };
    std::string m(method);
    if (m == "GET") http_->Get(pattern, fn);
    else if (m == "POST") http_->Post(pattern, fn);
    else if (m == "DELETE") http_->Delete(pattern, fn);
    else throw std::logic_error("unsupported method " + m);
}

void Server::handle(const httplib::Request& req, httplib::Response& res, Access access,
                    const Handler& handler) {
    try {
        auto lease = pool_->acquire();
        Ctx ctx{req, res, *lease, options_.clock(), {}, std::nullopt, options_, write_mutex_, *images_};
        if (access != Access::Public) {
            std::string token = bearer_token(req);
            if (token.empty()) throw ApiError(401, "unauthorized", "missing Authorization: Bearer <kiosk token>");
            auto st = ctx.db.prepare("SELECT id, store_id FROM kiosks WHERE token = ?");
            st.bind(1, token);
            if (!st.step()) throw ApiError(401, "unauthorized", "unknown kiosk token");
            ctx.kiosk = {st.text(0), st.text(1)};
            check_rate(ctx.kiosk.kiosk_id, ctx.now);
        }
        std::string staff_token = req.get_header_value("X-Staff-Session");
        if (access != Access::Public && !staff_token.empty()) {
            auto st = ctx.db.prepare(
                "SELECT s.staff_id, f.name, f.store_id, s.expires_at FROM staff_sessions s "
                "JOIN staff f ON f.id = s.staff_id WHERE s.token = ? AND s.kiosk_id = ?");
            st.bind(1, staff_token).bind(2, ctx.kiosk.kiosk_id);
            if (st.step() && st.integer(3) > ctx.now)
                ctx.staff = StaffIdentity{st.text(0), st.text(1), st.text(2), staff_token};
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
        std::fprintf(stderr, "central-api: database error on %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
        reply_problem(res, 503, "internal", "the database is busy or unavailable; retry later");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "central-api: error on %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
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
