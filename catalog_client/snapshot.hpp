#pragma once
// Replica snapshots: the first sync of a kiosk (or the rebuild after a layout change) as one
// file instead of a million products through the feed.
//
// Built once per catalogue version by `kioskctl snapshot DIR` (the very Writer a kiosk uses, so
// the replica inside is byte for byte what a full sync makes): the replica file compressed with
// zstd, named by its SHA-256 (DIR/<sha256>.replica.zst, immutable), and DIR/snapshot.json, the
// manifest (format, replica layout, feed cursor, sizes, SHA-256, URL). The reference server
// serves DIR (`central-api serve --snapshots DIR`); any static host or CDN can, since a file
// never changes under its name and a Range is all resuming needs.
//
// A kiosk reads the manifest (GET /v1/catalog/snapshot), downloads the file into a `.part`
// beside the replica (resuming with a Range from what it already has), hashes it as it comes,
// and only when the SHA-256 matches decompresses it into the next generation's file, checks it
// is a replica of this layout at the manifest's cursor, and installs it; the sync then goes on
// with a delta from that cursor. A snapshot that is corrupt, truncated, of another layout or
// from another catalogue never becomes the replica: the `.part` is deleted and the feed is used.

#include "catalog_client/api.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace catalog_client {

// The manifest's "format": a SQLite replica file in one zstd frame (with its checksum).
inline constexpr const char* kSnapshotFormat = "kiosk-replica+zstd";

json snapshot_manifest_json(const SnapshotManifest& m);

// Compresses the replica file `db_path` (closed or checkpointed: no -wal content) into
// OUT_DIR/<sha256>.replica.zst and replaces OUT_DIR/snapshot.json (written to a temporary
// file, synced, renamed). The file the previous manifest named is kept (kiosks may be
// downloading it); older ones are deleted.
Result<SnapshotManifest> write_snapshot(const std::string& db_path, const std::string& out_dir, int level = 3);

struct SnapshotFetch {
    std::uint64_t downloaded = 0;    // bytes received by this call
    std::uint64_t resumed_from = 0;  // bytes of the .part already there
    double download_s = 0;           // receiving and hashing
    double install_s = 0;            // decompressing into the replica file and checking it
};

// Downloads snapshot `m` into `part_path` (resuming it), checks its size and SHA-256, then
// decompresses it into `db_path` (a new file) and checks the replica inside (layout, cursor,
// product count). Errors: Network, Timeout, Http: the .part is kept and the next call resumes
// it; Parse: the snapshot is bad (both files removed); Storage: a disk problem.
Result<Unit> fetch_snapshot(CommerceApi& api, const SnapshotManifest& m, const std::string& part_path,
                            const std::string& db_path, SnapshotFetch& report);

}  // namespace catalog_client
