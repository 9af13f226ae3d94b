#include "catalog_client/image_cache.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace catalog_client {

namespace fs = std::filesystem;

namespace {

std::string file_name(const std::string& url) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : url) h = (h ^ c) * 1099511628211ULL;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx.img", static_cast<unsigned long long>(h));
    return buf;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return static_cast<bool>(in) || in.eof();
}

bool write_file(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

}  // namespace

ImageCache::ImageCache(const std::string& dir, CommerceApi& api, ImageCacheOptions options)
    : dir_(dir + "/images"), api_(api), options_(std::move(options)) {
    if (!options_.clock)
        options_.clock = [] {
            return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                  std::chrono::system_clock::now().time_since_epoch())
                                                  .count());
        };
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw std::runtime_error("cannot create the image cache " + dir_ + ": " + ec.message());
    db_ = std::make_unique<Db>(dir_ + "/index.db", Db::Mode::ReadWriteCreate);
    db_->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
              "CREATE TABLE IF NOT EXISTS images(url TEXT PRIMARY KEY, file TEXT NOT NULL, bytes INTEGER NOT NULL,"
              " etag TEXT NOT NULL, fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL);"
              "CREATE INDEX IF NOT EXISTS images_by_use ON images(used_at);");
}

ImageCache::~ImageCache() = default;

int ImageCache::waiting(const std::string& url) {
    std::lock_guard lock(flights_mutex_);
    auto it = flights_.find(api_.resolve(url));
    return it == flights_.end() ? 0 : it->second->waiters;
}

Result<std::string> ImageCache::load(const std::string& url) {
    const std::string absolute = api_.resolve(url);
    std::shared_ptr<Flight> flight;
    {
        std::unique_lock lock(flights_mutex_);
        auto it = flights_.find(absolute);
        if (it == flights_.end()) {
            flight = std::make_shared<Flight>();
            flights_[absolute] = flight;
        } else {
            flight = it->second;
            flight->waiters += 1;
            flights_done_.wait(lock, [&] { return flight->done; });
            return flight->result;
        }
    }
    Result<std::string> result = fetch(absolute);
    {
        std::lock_guard lock(flights_mutex_);
        flight->result = result;
        flight->done = true;
        flights_.erase(absolute);
    }
    flights_done_.notify_all();
    return result;
}

Result<std::string> ImageCache::fetch(const std::string& absolute) {
    const std::int64_t now = options_.clock();
    std::string file, etag, cached;
    std::int64_t fetched_at = 0;
    bool have = false;
    {
        std::lock_guard lock(db_mutex_);
        auto st = db_->prepare("SELECT file, etag, fetched_at FROM images WHERE url = ?");
        st.bind(1, absolute);
        if (st.step()) {
            file = st.text(0);
            etag = st.text(1);
            fetched_at = st.integer(2);
            have = read_file(dir_ + "/" + file, cached);
        }
    }
    auto touch = [&](bool refreshed) {
        std::lock_guard lock(db_mutex_);
        db_->prepare(refreshed ? "UPDATE images SET used_at = ?1, fetched_at = ?1 WHERE url = ?2"
                               : "UPDATE images SET used_at = ?1 WHERE url = ?2")
            .bind(1, now).bind(2, absolute).run();
    };
    if (have && now - fetched_at < options_.revalidate_after.count()) {
        touch(false);
        return cached;
    }
    HttpRequest request;
    request.url = absolute;
    request.with_token = api_.same_origin(absolute);  // never hand the token to a CDN
    request.max_response_bytes = options_.max_image_bytes;
    request.total_timeout = std::chrono::seconds(20);
    if (have && !etag.empty()) request.headers.emplace_back("If-None-Match", etag);
    auto response = api_.transport().perform(request);
    if (!response.ok()) {
        if (have) return cached;  // offline: an old picture beats none
        return response.error();
    }
    if (response.value().status == 304 && have) {
        touch(true);
        return cached;
    }
    std::string bytes = std::move(response.value().body);
    if (bytes.empty()) return Error::of(ErrorKind::Parse, "empty image " + absolute);
    file = file_name(absolute);
    if (!write_file(dir_ + "/" + file, bytes)) return bytes;  // disk full: still show it
    {
        std::lock_guard lock(db_mutex_);
        db_->prepare("INSERT OR REPLACE INTO images(url, file, bytes, etag, fetched_at, used_at) VALUES(?,?,?,?,?,?)")
            .bind(1, absolute).bind(2, file).bind(3, static_cast<std::int64_t>(bytes.size()))
            .bind(4, response.value().header("etag")).bind(5, now).bind(6, now).run();
    }
    evict();
    return bytes;
}

void ImageCache::evict() {
    std::lock_guard lock(db_mutex_);
    auto total = db_->prepare("SELECT COALESCE(SUM(bytes), 0) FROM images");
    total.step();
    std::int64_t used = total.integer(0);
    if (used <= static_cast<std::int64_t>(options_.budget_bytes)) return;
    auto oldest = db_->prepare("SELECT url, file, bytes FROM images ORDER BY used_at, rowid");
    std::vector<std::pair<std::string, std::string>> drop;
    while (used > static_cast<std::int64_t>(options_.budget_bytes) && oldest.step()) {
        drop.emplace_back(oldest.text(0), oldest.text(1));
        used -= oldest.integer(2);
    }
    oldest.reset();
    auto del = db_->prepare("DELETE FROM images WHERE url = ?");
    for (const auto& [url, file] : drop) {
        del.bind(1, url).run();
        std::error_code ec;
        fs::remove(dir_ + "/" + file, ec);
    }
}

std::size_t ImageCache::bytes_on_disk() {
    std::lock_guard lock(db_mutex_);
    auto st = db_->prepare("SELECT COALESCE(SUM(bytes), 0) FROM images");
    st.step();
    return static_cast<std::size_t>(st.integer(0));
}

}  // namespace catalog_client
