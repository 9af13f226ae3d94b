// Catalogue routes: stores, categories, the sync feed, one product, product images (drawn by
// the configured ImageSource, kept in the server's ImageLru), replica snapshots (files of
// ServerOptions::snapshot_dir, served with ranges).
#include "central_api/catalog.hpp"
#include "central_api/image_lru.hpp"
#include "central_api/problem.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

#include <cstdlib>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace central_api {

namespace {

std::string concat_docs(Db& db, const char* sql) {
    auto st = db.prepare(sql);
    return json_array_of_rows(st);
}

void changes(RequestContext& ctx) {
    int limit = 500;
    if (ctx.has_param("limit")) {
        const std::string raw = ctx.param("limit");
        char* end = nullptr;
        long v = std::strtol(raw.c_str(), &end, 10);
        if (raw.empty() || raw.size() > 9 || *end != '\0' || v < 1)
            throw validation_failed("limit", "invalid", "limit must be an integer from 1 to 1000");
        limit = static_cast<int>(std::min<long>(v, 1000));
    }
    std::string epoch = ctx.db.meta("epoch").value_or("0");
    std::int64_t since = 0;
    if (ctx.has_param("since") && !ctx.param("since").empty()) {
        auto cursor = decode_cursor(ctx.param("since"));
        if (!cursor) throw validation_failed("since", "invalid", "since is not a cursor from this API");
        std::int64_t purged = std::strtoll(ctx.db.meta("purged_through_seq").value_or("0").c_str(), nullptr, 10);
        auto max_seq = ctx.db.prepare("SELECT COALESCE(MAX(seq), 0) FROM changes");
        max_seq.step();
        std::string why;
        if (cursor->epoch != epoch) why = "the catalogue was regenerated since this cursor was issued";
        else if (ctx.now - cursor->issued > ctx.options.cursor_retention_s) why = "the cursor is older than the retention period";
        else if (cursor->seq < purged) why = "changes after this cursor were compacted";
        else if (cursor->seq > max_seq.integer(0)) why = "the cursor is ahead of the change log";
        if (!why.empty()) throw ApiError(410, "cursor_expired", why + "; resync from the beginning (no since)");
        since = cursor->seq;
    }
    FeedPage page = read_changes(ctx.db, since, limit, epoch, ctx.now);
    ctx.reply_raw(200, page.body);
}

void image(RequestContext& ctx) {
    const ImageSource* source = ctx.options.image_source.get();
    if (!source) throw not_found("this server has no product pictures (no image source is configured)");
    ImageQuery query;
    query.product = ctx.req.matches[1];
    query.kind = ctx.req.matches[2];
    const std::string hex = ctx.req.matches[3];
    query.view = std::atoi(std::string(ctx.req.matches[4]).c_str());
    if (!source->has_kind(query.kind)) throw not_found("unknown image kind " + query.kind);
    if (ctx.has_param("w")) {
        query.width = std::atoi(ctx.param("w").c_str());
        if (query.width < 64 || query.width > 1600)
            throw validation_failed("w", "out_of_range", "w must be from 64 to 1600");
    }
    const std::string key = ctx.req.path + "?w=" + std::to_string(query.width);
    const std::string etag = "\"img1-" + hex64(hash64(key)) + "\"";
    ctx.res.set_header("ETag", etag);
    ctx.res.set_header("Cache-Control", "public, max-age=86400");
    if (ctx.header("If-None-Match") == etag) {
        ctx.res.status = 304;
        return;
    }
    auto bytes = ctx.image_lru.get(key);
    if (!bytes) {
        const unsigned long rgb = std::strtoul(hex.c_str(), nullptr, 16);
        query.r = static_cast<std::uint8_t>(rgb >> 16);
        query.g = static_cast<std::uint8_t>(rgb >> 8);
        query.b = static_cast<std::uint8_t>(rgb);
        bytes = std::make_shared<const std::string>(source->jpeg(query));
        ctx.image_lru.put(key, bytes);
    }
    ctx.res.status = 200;
    ctx.res.set_content(*bytes, "image/jpeg");
}

// The manifest of the newest snapshot, as `kioskctl snapshot` wrote it (a small JSON document;
// the kiosk validates it).
void snapshot_manifest(RequestContext& ctx) {
    if (ctx.options.snapshot_dir.empty()) throw not_found("this server serves no replica snapshots");
    std::ifstream in(ctx.options.snapshot_dir + "/snapshot.json", std::ios::binary);
    if (!in) throw not_found("no replica snapshot has been built yet");
    std::string text(64 * 1024 + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > 64 * 1024) throw ApiError(500, "internal", "the snapshot manifest is larger than 64 KiB");
    ctx.res.set_header("Cache-Control", "no-cache");
    ctx.reply_raw(200, text);
}

// A snapshot file: immutable (named by its SHA-256), so its ETag is its name and any range of
// it can be asked for (cpp-httplib answers a Range with 206 and Content-Range).
void snapshot_file(RequestContext& ctx) {
    const std::string sha = ctx.req.matches[1];
    if (ctx.options.snapshot_dir.empty()) throw not_found("this server serves no replica snapshots");
    const std::string path = ctx.options.snapshot_dir + "/" + sha + ".replica.zst";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw not_found("no snapshot " + sha + " (a newer one replaced it: read /v1/catalog/snapshot again)");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw ApiError(500, "internal", "cannot read the snapshot file");
    }
    auto file = std::shared_ptr<int>(new int(fd), [](int* f) {
        ::close(*f);
        delete f;
    });
    ctx.res.set_header("ETag", "\"" + sha + "\"");
    ctx.res.set_header("Accept-Ranges", "bytes");
    ctx.res.set_header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.res.set_content_provider(static_cast<std::size_t>(st.st_size), "application/zstd",
                                 [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     char buf[256 * 1024];
                                     const std::size_t want = std::min(length, sizeof buf);
                                     const ssize_t n = ::pread(*file, buf, want, static_cast<off_t>(offset));
                                     if (n <= 0) return false;  // the connection ends short: the kiosk resumes
                                     return sink.write(buf, static_cast<std::size_t>(n));
                                 });
}

}  // namespace

void add_catalog_routes(const RouteFn& add) {
    add("GET", "/v1/stores", Access::Kiosk, [](RequestContext& ctx) {
        ctx.reply_raw(200, concat_docs(ctx.db, "SELECT doc FROM locations ORDER BY position"));
    });
    add("GET", "/v1/catalog/categories", Access::Kiosk, [](RequestContext& ctx) {
        ctx.reply_raw(200, concat_docs(ctx.db, "SELECT doc FROM categories ORDER BY position"));
    });
    add("GET", "/v1/catalog/changes", Access::Kiosk, changes);
    add("GET", R"(/v1/catalog/products/([^/]{1,64}))", Access::Kiosk, [](RequestContext& ctx) {
        auto doc = product_document(ctx.db, ctx.req.matches[1]);
        if (!doc) throw not_found("no product " + std::string(ctx.req.matches[1]));
        ctx.reply_raw(200, *doc);
    });
    add("GET", "/v1/catalog/snapshot", Access::Kiosk, snapshot_manifest);
    add("GET", R"(/v1/catalog/snapshots/([0-9a-f]{64})\.replica\.zst)", Access::Kiosk, snapshot_file);
    add("GET", R"(/v1/images/(P[0-9]{7})/([a-z_]{1,20})/([0-9a-f]{6})/([0-2])\.jpg)", Access::Kiosk, image);
}

}  // namespace central_api
