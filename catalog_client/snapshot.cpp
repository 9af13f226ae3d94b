#include "catalog_client/snapshot.hpp"
#include "catalog_client/field_reader.hpp"
#include "catalog_client/json_bounded.hpp"
#include "catalog_client/replica_files.hpp"
#include "catalog_client/sqlite.hpp"

#include <sodium.h>
#include <zstd.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

namespace fs = std::filesystem;

namespace catalog_client {

namespace {

constexpr std::size_t kChunk = 1u << 20;

double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Error storage(const std::string& what) { return Error::of(ErrorKind::Storage, what); }
Error bad_snapshot(const std::string& what) { return Error::of(ErrorKind::Parse, "snapshot: " + what); }

std::string errno_text() { return std::strerror(errno); }

bool is_hex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

class Sha256 {
public:
    Sha256() { reset(); }
    void reset() { crypto_hash_sha256_init(&state_); }
    void update(const char* data, std::size_t n) {
        crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data), n);
    }
    std::string hex() {
        unsigned char out[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state_, out);
        char hex[2 * crypto_hash_sha256_BYTES + 1];
        return sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    }

private:
    crypto_hash_sha256_state state_{};
};

// A file descriptor closed at scope exit.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

bool write_all(int fd, const char* data, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, data, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Reads up to `n` bytes; 0 at the end, -1 on an error.
ssize_t read_some(int fd, char* data, std::size_t n) {
    for (;;) {
        const ssize_t r = ::read(fd, data, n);
        if (r < 0 && errno == EINTR) continue;
        return r;
    }
}

// Compresses the replica file into `building` (one zstd frame with its checksum), hashing what
// it writes: sets the manifest's db_bytes, bytes and sha256.
Result<Unit> compress_file(const std::string& db_path, const std::string& building, int level, SnapshotManifest& m) {
    std::error_code ec;
    Fd in(::open(db_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) return storage("cannot open " + db_path + ": " + errno_text());
    Fd out(::open(building.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (out.fd < 0) return storage("cannot create " + building + ": " + errno_text());
    m.db_bytes = fs::file_size(db_path, ec);
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_nbWorkers, 2);  // ignored by a library without threads
    ZSTD_CCtx_setPledgedSrcSize(cctx.get(), m.db_bytes);
    std::vector<char> src(kChunk), dst(ZSTD_CStreamOutSize());
    Sha256 sha;
    std::uint64_t read_total = 0;
    for (;;) {
        const ssize_t n = read_some(in.fd, src.data(), src.size());
        if (n < 0) return storage("cannot read " + db_path + ": " + errno_text());
        read_total += static_cast<std::uint64_t>(n);
        const bool last = n == 0;
        ZSTD_inBuffer input{src.data(), static_cast<std::size_t>(n), 0};
        bool finished = false;
        while (!finished) {
            ZSTD_outBuffer output{dst.data(), dst.size(), 0};
            const std::size_t left = ZSTD_compressStream2(cctx.get(), &output, &input, last ? ZSTD_e_end : ZSTD_e_continue);
            if (ZSTD_isError(left)) return storage(std::string("compression failed: ") + ZSTD_getErrorName(left));
            sha.update(dst.data(), output.pos);
            if (!write_all(out.fd, dst.data(), output.pos)) return storage("cannot write " + building + ": " + errno_text());
            m.bytes += output.pos;
            finished = last ? left == 0 : input.pos == input.size;
        }
        if (last) break;
    }
    if (read_total != m.db_bytes) return storage(db_path + " changed while it was compressed");
    if (::fsync(out.fd) != 0) return storage("cannot sync " + building + ": " + errno_text());
    m.sha256 = sha.hex();
    return Unit{};
}

}  // namespace

Result<SnapshotManifest> parse_snapshot_manifest(const json& doc) {
    detail::Reader r;
    SnapshotManifest m;
    m.format = r.str(doc, "format", "", true, 64);
    m.layout = r.str(doc, "layout", "", true, 16);
    m.cursor = r.str(doc, "cursor", "", true, 512);
    m.products = r.integer(doc, "products", "", true, 0, 1'000'000'000);
    m.bytes = static_cast<std::uint64_t>(r.integer(doc, "bytes", "", true, 1, std::int64_t(1) << 42));
    m.db_bytes = static_cast<std::uint64_t>(r.integer(doc, "db_bytes", "", true, 1, std::int64_t(1) << 42));
    m.sha256 = r.str(doc, "sha256", "", true, 64);
    m.url = r.str(doc, "url", "", true, 2048);
    m.built_at = r.integer(doc, "built_at", "", false, 0, std::int64_t(1) << 40);
    if (r.ok() && !is_hex64(m.sha256)) r.fail("sha256", "not 64 lower-case hex digits");
    if (r.ok() && m.cursor.empty()) r.fail("cursor", "empty");
    if (r.ok() && m.url.empty()) r.fail("url", "empty");
    return detail::finish(r, std::move(m));
}

json snapshot_manifest_json(const SnapshotManifest& m) {
    return json{{"format", m.format}, {"layout", m.layout},     {"cursor", m.cursor}, {"products", m.products},
                {"bytes", m.bytes},   {"db_bytes", m.db_bytes}, {"sha256", m.sha256}, {"url", m.url},
                {"built_at", m.built_at}};
}

Result<SnapshotManifest> write_snapshot(const std::string& db_path, const std::string& out_dir, int level) {
    if (sodium_init() < 0) return storage("libsodium could not start");
    SnapshotManifest m;
    m.format = kSnapshotFormat;
    std::error_code ec;
    if (fs::exists(db_path + "-wal", ec) && fs::file_size(db_path + "-wal", ec) > 0)
        return storage(db_path + " has a write-ahead log with content: checkpoint it first");
    try {
        Db db(db_path, Db::Mode::ReadOnly);
        m.layout = db.meta("schema").value_or("");
        m.cursor = db.meta("cursor").value_or("");
        auto count = db.prepare("SELECT count(*) FROM products");
        count.step();
        m.products = count.integer(0);
    } catch (const std::exception& e) {
        return storage(std::string("cannot read the replica: ") + e.what());
    }
    if (m.cursor.empty()) return storage(db_path + " is not a complete replica (no cursor)");
    fs::create_directories(out_dir, ec);
    const std::string building = out_dir + "/.building-" + std::to_string(::getpid()) + ".zst";
    if (auto done = compress_file(db_path, building, level, m); !done.ok()) {
        fs::remove(building, ec);  // nothing half-written is left in the served directory
        return done.error();
    }
    const std::string name = m.sha256 + ".replica.zst";
    fs::rename(building, out_dir + "/" + name, ec);
    if (ec) return storage("cannot name " + building + ": " + ec.message());
    m.url = "/v1/catalog/snapshots/" + name;
    m.built_at = static_cast<std::int64_t>(std::time(nullptr));
    // The previous manifest's file stays (a kiosk may be half-way through it).
    std::string previous;
    {
        std::ifstream old(out_dir + "/snapshot.json", std::ios::binary);
        std::string text(64 * 1024, '\0');
        old.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(old.gcount()));
        auto was = parse_snapshot_manifest(parse_json_or_discarded(text));
        if (was.ok()) previous = was.value().sha256;
    }
    if (!detail::replace_file(out_dir + "/snapshot.json", snapshot_manifest_json(m).dump(2) + "\n"))
        return storage("cannot replace " + out_dir + "/snapshot.json: " + errno_text());
    for (fs::directory_iterator it(out_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        const bool snapshot_file = file.size() > 12 && file.compare(file.size() - 12, 12, ".replica.zst") == 0;
        if (snapshot_file && file != name && file != previous + ".replica.zst") fs::remove(it->path(), ec);
    }
    return m;
}

namespace {

// Receives the file into `part_path` from `have` bytes on; hashes what arrives into `sha`.
Result<Unit> download(CommerceApi& api, const SnapshotManifest& m, const std::string& part_path, std::uint64_t& have,
                      Sha256& sha, SnapshotFetch& report) {
    Fd out(::open(part_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    if (out.fd < 0) return storage("cannot open " + part_path + ": " + errno_text());
    if (::lseek(out.fd, static_cast<off_t>(have), SEEK_SET) < 0) return storage("cannot seek in " + part_path);
    HttpRequest r;
    r.url = api.resolve(m.url);
    r.with_token = api.same_origin(r.url);
    if (have > 0) r.headers.emplace_back("Range", "bytes=" + std::to_string(have) + "-");
    r.retry = false;
    r.connect_timeout = std::chrono::seconds(10);
    r.total_timeout = std::chrono::hours(4);
    r.low_speed_bytes_per_s = 1024;
    r.low_speed_time = std::chrono::seconds(30);
    r.max_response_bytes = static_cast<std::size_t>(m.bytes);
    bool write_failed = false;
    std::string refusal;
    r.sink = std::make_shared<HttpRequest::Sink>();
    r.sink->begin = [&](long status, const std::map<std::string, std::string>& headers) {
        if (status == 206) {
            auto it = headers.find("content-range");
            const std::string expected = "bytes " + std::to_string(have) + "-";
            if (it == headers.end() || it->second.rfind(expected, 0) != 0) {
                refusal = "a range that does not start where the download stopped";
                return false;
            }
            return true;
        }
        if (status != 200) {
            refusal = "status " + std::to_string(status);
            return false;
        }
        // The whole file (the server ignored the Range): start over.
        if (have > 0 && (::ftruncate(out.fd, 0) != 0 || ::lseek(out.fd, 0, SEEK_SET) < 0)) {
            write_failed = true;
            return false;
        }
        have = 0;
        sha.reset();
        return true;
    };
    r.sink->write = [&](const char* data, std::size_t n) {
        if (have + n > m.bytes) {
            refusal = "more bytes than the manifest says";
            return false;
        }
        if (!write_all(out.fd, data, n)) {
            write_failed = true;
            return false;
        }
        sha.update(data, n);
        have += n;
        report.downloaded += n;
        return true;
    };
    auto got = api.transport().perform(std::move(r));
    ::fdatasync(out.fd);  // what arrived survives a power cut: the next try resumes from it
    if (write_failed) return storage("cannot write " + part_path + ": " + errno_text());
    if (!refusal.empty()) return bad_snapshot("the server sent " + refusal);
    if (!got.ok()) return got.error();
    return Unit{};
}

// Decompresses the verified file into `db_path` (at most `m.db_bytes`).
Result<Unit> decompress(const SnapshotManifest& m, const std::string& part_path, const std::string& db_path) {
    Fd in(::open(part_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) return storage("cannot open " + part_path + ": " + errno_text());
    Fd out(::open(db_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (out.fd < 0) return storage("cannot create " + db_path + ": " + errno_text());
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, 27);  // 128 MB at most, whatever the frame says
    std::vector<char> src(kChunk), dst(ZSTD_DStreamOutSize());
    std::uint64_t written = 0;
    std::size_t left = 1;  // 0 once a frame ended
    for (;;) {
        const ssize_t n = read_some(in.fd, src.data(), src.size());
        if (n < 0) return storage("cannot read " + part_path + ": " + errno_text());
        if (n == 0) break;
        if (left == 0) return bad_snapshot("data after the end of the compressed replica");
        ZSTD_inBuffer input{src.data(), static_cast<std::size_t>(n), 0};
        while (input.pos < input.size) {
            ZSTD_outBuffer output{dst.data(), dst.size(), 0};
            left = ZSTD_decompressStream(dctx.get(), &output, &input);
            if (ZSTD_isError(left)) return bad_snapshot(std::string("cannot decompress: ") + ZSTD_getErrorName(left));
            written += output.pos;
            if (written > m.db_bytes) return bad_snapshot("decompresses to more than the manifest's db_bytes");
            if (!write_all(out.fd, dst.data(), output.pos)) return storage("cannot write " + db_path + ": " + errno_text());
            if (left == 0 && input.pos < input.size) return bad_snapshot("data after the end of the compressed replica");
        }
    }
    if (left != 0) return bad_snapshot("the compressed replica ends early");
    if (written != m.db_bytes) return bad_snapshot("decompresses to " + std::to_string(written) + " bytes, not " + std::to_string(m.db_bytes));
    if (::fsync(out.fd) != 0) return storage("cannot sync " + db_path + ": " + errno_text());
    return Unit{};
}

// The replica inside is what the manifest says: this layout, this cursor, this many products.
Result<Unit> check_replica(const SnapshotManifest& m, const std::string& db_path) {
    try {
        Db db(db_path, Db::Mode::ReadWrite);
        if (db.meta("schema").value_or("") != m.layout) return bad_snapshot("the replica inside is not of layout " + m.layout);
        if (db.meta("cursor").value_or("") != m.cursor) return bad_snapshot("the replica inside is not at the manifest's cursor");
        auto count = db.prepare("SELECT count(*) FROM products");
        count.step();
        if (count.integer(0) != m.products) return bad_snapshot("the replica inside does not have the manifest's products");
    } catch (const std::exception& e) {
        return bad_snapshot(std::string("the file inside is not a readable replica: ") + e.what());
    }
    return Unit{};
}

}  // namespace

Result<Unit> fetch_snapshot(CommerceApi& api, const SnapshotManifest& m, const std::string& part_path,
                            const std::string& db_path, SnapshotFetch& report) {
    if (sodium_init() < 0) return storage("libsodium could not start");
    if (m.format != kSnapshotFormat) return bad_snapshot("format " + m.format + " is not " + kSnapshotFormat);
    std::error_code ec;
    std::uint64_t have = fs::exists(part_path, ec) ? fs::file_size(part_path, ec) : 0;
    if (ec || have > m.bytes) {
        fs::remove(part_path, ec);
        have = 0;
    }
    const fs::path dir = fs::path(db_path).parent_path();
    const auto space = fs::space(dir.empty() ? fs::path(".") : dir, ec);
    const std::uint64_t needed = (m.bytes - have) + m.db_bytes + (64u << 20);
    if (!ec && space.available < needed)
        return storage("not enough disk space for the snapshot: " + std::to_string(needed >> 20) + " MB needed, " +
                       std::to_string(space.available >> 20) + " MB free");
    auto started = std::chrono::steady_clock::now();
    Sha256 sha;
    report.resumed_from = have;
    if (have > 0) {  // what an earlier try received is hashed again
        Fd in(::open(part_path.c_str(), O_RDONLY | O_CLOEXEC));
        if (in.fd < 0) return storage("cannot open " + part_path + ": " + errno_text());
        std::vector<char> buf(kChunk);
        std::uint64_t hashed = 0;
        while (hashed < have) {
            const ssize_t n = read_some(in.fd, buf.data(), static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), have - hashed)));
            if (n <= 0) return storage("cannot read " + part_path);
            sha.update(buf.data(), static_cast<std::size_t>(n));
            hashed += static_cast<std::uint64_t>(n);
        }
    }
    if (have < m.bytes) {
        auto got = download(api, m, part_path, have, sha, report);
        report.download_s = since(started);
        if (!got.ok()) {
            // A snapshot the server no longer has, or one that is bad: nothing to resume.
            if (got.error().kind == ErrorKind::Parse || got.error().http_status == 404 || got.error().http_status == 416)
                fs::remove(part_path, ec);
            return got.error();
        }
    }
    if (have != m.bytes) {
        fs::remove(part_path, ec);
        return bad_snapshot("received " + std::to_string(have) + " bytes, the manifest says " + std::to_string(m.bytes));
    }
    if (sha.hex() != m.sha256) {
        fs::remove(part_path, ec);
        return bad_snapshot("its SHA-256 does not match the manifest's (damaged on the way)");
    }
    report.download_s = since(started);
    started = std::chrono::steady_clock::now();
    detail::remove_database(db_path);
    auto done = decompress(m, part_path, db_path);
    if (done.ok()) done = check_replica(m, db_path);
    report.install_s = since(started);
    if (!done.ok()) {
        detail::remove_database(db_path);
        if (done.error().kind == ErrorKind::Parse) fs::remove(part_path, ec);
        return done.error();
    }
    fs::remove(part_path, ec);
    return Unit{};
}

}  // namespace catalog_client
