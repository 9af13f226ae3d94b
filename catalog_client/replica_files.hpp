#pragma once
// Internal to catalog_client: the replica directory's files (generations, the pointer to the
// one in use, the sync lock), shared by replica.cpp, replica_reader.cpp and snapshot.cpp.

#include <cstdint>
#include <string>

namespace catalog_client::detail {

inline constexpr const char* kPointerFile = "current";  // names the generation in use
inline constexpr const char* kLegacyFile = "catalog.db";  // the single-file layout of earlier versions

// n of a generation's file name "catalog-<n>.db"; 0 when `name` is not one.
std::uint64_t generation_of(const std::string& name);
// The generation DIR/current names, or empty (no pointer yet, or not a generation's name).
std::string read_pointer(const std::string& dir);
// Identifies the pointer file (inode, modification time, size; 0 when absent), so a reader
// notices a switch with one stat(). A switch renames a new file over it: a new inode.
std::uint64_t pointer_key(const std::string& dir);
void fsync_path(const std::string& path, bool directory);
// Replaces the file `path` with `text`, atomically and durably (written beside as PATH.tmp,
// synced, renamed, the directory synced). False on failure (errno says why).
bool replace_file(const std::string& path, const std::string& text);
// Points DIR/current at `name` (replace_file).
void write_pointer(const std::string& dir, const std::string& name);
// Removes a database file and the files SQLite keeps beside it.
void remove_database(const std::string& path);

// DIR/sync.lock, held (flock) for the whole of a sync: one sync per directory, across processes.
class SyncLock {
public:
    SyncLock(const std::string& dir, bool wait);
    ~SyncLock();
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;
    bool held() const { return held_; }

private:
    int fd_ = -1;
    bool held_ = false;
};

}  // namespace catalog_client::detail
