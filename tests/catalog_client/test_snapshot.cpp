// Snapshot bootstrap: a kiosk's first sync from the server's replica snapshot, then a delta; a
// snapshot that is corrupt, truncated, of another layout, from another catalogue, or cut
// mid-download never becomes the replica (the feed builds it, or the next sync resumes).
#include "client_fixture.hpp"
#include "central_api/demo/mutate.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"
#include "catalog_client/snapshot.hpp"

#include <doctest/doctest.h>

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

using namespace catalog_client;
namespace fs = std::filesystem;

namespace {

central_api::ServerOptions serving(const std::string& dir) {
    central_api::ServerOptions o;
    o.snapshot_dir = dir;
    return o;
}

struct SnapshotFixture {
    testing::TempDir snapshots;
    testing::Harness h{serving(snapshots.path)};
    testing::TempDir dir;
    Transport transport{options()};
    CommerceApi api{transport, h.url()};
    Replica replica{dir.path + "/kiosk"};
    SnapshotManifest manifest;

    TransportOptions options() {
        TransportOptions o;
        o.bearer_token = h.token;
        o.backoff_base = std::chrono::milliseconds(5);
        return o;
    }
    // Builds the snapshot from the feed, as `kioskctl snapshot` does.
    void build() {
        fs::create_directories(dir.path + "/builder");
        Replica builder(dir.path + "/builder");
        builder.set_snapshots(false);
        auto synced = builder.sync(api, 64);
        REQUIRE(synced.ok());
        auto m = write_snapshot(builder.db_path(), snapshots.path);
        REQUIRE(m.ok());
        manifest = m.value();
    }
    std::string file() const { return snapshots.path + "/" + manifest.sha256 + ".replica.zst"; }
    void rewrite_manifest(const SnapshotManifest& m) {
        std::ofstream(snapshots.path + "/snapshot.json", std::ios::binary | std::ios::trunc) << snapshot_manifest_json(m).dump();
    }
    // Everything a kiosk reads of a product, for every product of the server, in id order.
    std::vector<std::string> documents(Replica& r) {
        std::vector<std::string> out;
        Replica::Reader reader(r);
        auto db = h.open_db();
        auto st = db->prepare("SELECT id FROM products ORDER BY id");
        while (st.step()) {
            auto p = reader.product(st.text(0));
            out.push_back(p ? to_json(*p).dump() : "missing " + st.text(0));
        }
        return out;
    }
    std::vector<std::string> found(Replica& r, const std::string& text) {
        Replica::Reader reader(r);
        Search search(reader);
        SearchQuery q;
        q.text = text;
        q.limit = 50;
        std::vector<std::string> ids;
        for (const auto& hit : search.run(q).hits) ids.push_back(hit.product_id);
        return ids;
    }
    bool parts_left() const {
        for (const auto& e : fs::directory_iterator(dir.path + "/kiosk"))
            if (e.path().extension() == ".part") return true;
        return false;
    }
    // A replica of the server's catalogue as it is now, from the feed.
    std::unique_ptr<Replica> from_feed() {
        fs::create_directories(dir.path + "/feed");
        auto r = std::make_unique<Replica>(dir.path + "/feed");
        r->set_snapshots(false);
        REQUIRE(r->sync(api, 64).ok());
        return r;
    }
};

}  // namespace

TEST_CASE("a first sync installs the server's snapshot, then a delta; the replica equals one from the feed") {
    SnapshotFixture f;
    fs::create_directories(f.dir.path + "/kiosk");
    f.build();
    CHECK(f.manifest.products == 300);
    CHECK(f.manifest.layout == kReplicaSchema);
    CHECK(f.manifest.bytes < f.manifest.db_bytes);
    // The catalogue moves on after the snapshot: the delta brings the kiosk up to date.
    f.h.advance(60);
    auto mutated = central_api::mutate_catalog(f.h.db_path(), 5, 11, [&] { return f.h.now(); });
    REQUIRE(mutated.price_changes + mutated.text_changes + mutated.additions > 0);

    auto report = f.replica.sync(f.api, 64);
    REQUIRE(report.ok());
    CHECK(report.value().snapshot);
    CHECK(report.value().full);
    CHECK(report.value().upserts > 0);
    CHECK(report.value().deletes == mutated.deletions);
    CHECK(report.value().times.bytes >= static_cast<std::int64_t>(f.manifest.bytes));
    CHECK_FALSE(f.parts_left());

    auto feed = f.from_feed();
    CHECK(f.replica.status().products == feed->status().products);
    CHECK(f.replica.status().cursor == feed->status().cursor);
    CHECK(f.documents(f.replica) == f.documents(*feed));
    for (const char* q : {"pull", "chaussure running", "casque bluetooth", "matelas"}) {
        CAPTURE(q);
        CHECK(f.found(f.replica, q) == f.found(*feed, q));
    }
    // A later sync is an ordinary delta.
    auto again = f.replica.sync(f.api, 64);
    REQUIRE(again.ok());
    CHECK_FALSE(again.value().full);
    CHECK_FALSE(again.value().snapshot);
}

TEST_CASE("a snapshot damaged, truncated, of another layout or at another cursor is refused; the feed builds the replica") {
    SnapshotFixture f;
    f.build();
    const std::string original = [&] {
        std::ifstream in(f.file(), std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    struct Case {
        std::string what;
        std::function<void()> spoil;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"one byte changed", [&] {
             std::string bytes = original;
             bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
             std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << bytes;
         }, "SHA-256"},
        {"truncated", [&] { std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << original.substr(0, original.size() / 3); },
         "bytes"},
        {"another layout", [&] {
             SnapshotManifest m = f.manifest;
             m.layout = "5";
             f.rewrite_manifest(m);
         }, "layout 5"},
        {"the manifest of another file", [&] {
             SnapshotManifest m = f.manifest;
             m.cursor = "another-cursor";  // the file's replica is not at this cursor
             f.rewrite_manifest(m);
         }, "cursor"},
        {"a manifest that is not one", [&] { std::ofstream(f.snapshots.path + "/snapshot.json", std::ios::trunc) << R"({"format":[1,2]})"; },
         "no snapshot"},
    };
    int n = 0;
    for (const Case& c : cases) {
        CAPTURE(c.what);
        f.rewrite_manifest(f.manifest);
        std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << original;
        c.spoil();
        Replica replica(f.dir.path + "/kiosk-" + std::to_string(++n));
        fs::create_directories(f.dir.path + "/kiosk-" + std::to_string(n));
        auto report = replica.sync(f.api, 64);
        REQUIRE(report.ok());
        CHECK(report.value().full);
        CHECK_FALSE(report.value().snapshot);
        CHECK(report.value().snapshot_skipped.find(c.reason) != std::string::npos);
        MESSAGE(c.what << ": " << report.value().snapshot_skipped);
        CHECK(replica.status().products == 300);
        for (const auto& e : fs::directory_iterator(f.dir.path + "/kiosk-" + std::to_string(n))) {
            CHECK(e.path().extension() != ".part");
            CHECK(e.path().filename().string() != "catalog-2.db");  // one generation: the feed's
        }
    }
}

TEST_CASE("a snapshot from before the catalogue was regenerated: installed, the delta answers 410, the feed rebuilds") {
    SnapshotFixture f;
    fs::create_directories(f.dir.path + "/kiosk");
    f.build();
    {
        auto db = f.h.open_db();
        db->exec("UPDATE meta SET value = 'regenerated' WHERE key = 'epoch'");
    }
    auto report = f.replica.sync(f.api, 64);
    REQUIRE(report.ok());
    CHECK(report.value().full);
    CHECK_FALSE(report.value().snapshot);  // the feed's build is the one in use
    CHECK(f.replica.status().products == 300);
    auto again = f.replica.sync(f.api, 64);
    REQUIRE(again.ok());
    CHECK_FALSE(again.value().full);  // its cursor is of the new catalogue
}

TEST_CASE("a download cut half-way is an error that keeps what came; the next sync resumes it with a Range") {
    SnapshotFixture f;
    fs::create_directories(f.dir.path + "/kiosk");
    f.build();
    const std::string path = f.file();
    const std::size_t size = static_cast<std::size_t>(fs::file_size(path));
    // A static host of its own (the manifest may name any URL): the first answer stops half-way.
    httplib::Server host;
    std::mutex mu;
    std::vector<std::string> ranges;
    int served = 0;
    host.Get("/snap.zst", [&](const httplib::Request& req, httplib::Response& res) {
        bool cut = false;
        {
            std::lock_guard lock(mu);
            ranges.push_back(req.get_header_value("Range"));
            cut = served++ == 0;
        }
        CHECK_FALSE(req.has_header("Authorization"));  // the kiosk token stays with the API
        res.set_content_provider(size, "application/zstd", [&, cut](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            if (cut && offset >= size / 2) return false;
            std::ifstream in(path, std::ios::binary);
            in.seekg(static_cast<std::streamoff>(offset));
            std::string chunk(std::min<std::size_t>(length, 64 * 1024), '\0');
            in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            return sink.write(chunk.data(), chunk.size());
        });
    });
    const int port = host.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread serving_thread([&] { host.listen_after_bind(); });
    SnapshotManifest m = f.manifest;
    m.url = "http://127.0.0.1:" + std::to_string(port) + "/snap.zst";
    f.rewrite_manifest(m);

    auto first = f.replica.sync(f.api, 64);
    CHECK_FALSE(first.ok());
    CHECK_FALSE(f.replica.status().exists);  // nothing half-made is in use
    CHECK(f.parts_left());

    auto second = f.replica.sync(f.api, 64);
    REQUIRE(second.ok());
    CHECK(second.value().snapshot);
    CHECK(second.value().snapshot_resumed_from >= size / 4);
    CHECK(second.value().snapshot_resumed_from < size);
    // What was left of the file, and the delta's (empty) page.
    const auto received = static_cast<std::size_t>(second.value().times.bytes);
    CHECK(received >= size - second.value().snapshot_resumed_from);
    CHECK(received < size - second.value().snapshot_resumed_from + 4096);
    CHECK_FALSE(f.parts_left());
    CHECK(f.replica.status().products == 300);
    host.stop();
    serving_thread.join();
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].empty());
    CHECK(ranges[1] == "bytes=" + std::to_string(second.value().snapshot_resumed_from) + "-");
}

TEST_CASE("the snapshot routes: manifest and file need the kiosk token; the file answers ranges") {
    SnapshotFixture f;
    CHECK(f.h.get("/v1/catalog/snapshot").status == 404);  // none built yet
    f.build();
    auto manifest = f.h.get("/v1/catalog/snapshot");
    REQUIRE(manifest.status == 200);
    CHECK(manifest.doc()["sha256"] == f.manifest.sha256);
    CHECK(f.h.get("/v1/catalog/snapshot", {}, false).status == 401);
    CHECK(f.h.get(f.manifest.url, {}, false).status == 401);
    auto part = f.h.get(f.manifest.url, {{"Range", "bytes=10-19"}});
    CHECK(part.status == 206);
    CHECK(part.body.size() == 10);
    CHECK(part.header("ETag") == "\"" + f.manifest.sha256 + "\"");
    CHECK(f.h.get("/v1/catalog/snapshots/" + std::string(64, '0') + ".replica.zst").status == 404);
}
