// The replica directory's files: generations, the pointer to the one in use, the sync lock;
// where the next generation goes and what is deleted once it is in use.
#include "catalog_client/replica.hpp"
#include "catalog_client/replica_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace catalog_client {

namespace detail {

// n of a generation's file name "catalog-<n>.db"; 0 when `name` is not one.
std::uint64_t generation_of(const std::string& name) {
    if (name.size() < 12 || name.rfind("catalog-", 0) != 0 || name.compare(name.size() - 3, 3, ".db") != 0) return 0;
    std::string digits = name.substr(8, name.size() - 11);
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::stoull(digits);
}

// The generation DIR/current names, or empty (no pointer yet, or not a generation's name).
std::string read_pointer(const std::string& dir) {
    std::ifstream in(dir + "/" + kPointerFile, std::ios::binary);
    if (!in) return {};
    char buf[64];
    in.read(buf, sizeof buf);
    std::string name(buf, static_cast<std::size_t>(in.gcount()));
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' ')) name.pop_back();
    return generation_of(name) ? name : std::string();
}

// Identifies the pointer file (inode, modification time, size; 0 when absent), so a reader
// notices a switch with one stat(). A switch renames a new file over it: a new inode.
std::uint64_t pointer_key(const std::string& dir) {
    struct stat st {};
    if (::stat((dir + "/" + kPointerFile).c_str(), &st) != 0) return 0;
    std::uint64_t key = static_cast<std::uint64_t>(st.st_ino);
    key = key * 1000003u + static_cast<std::uint64_t>(st.st_mtim.tv_sec);
    key = key * 1000003u + static_cast<std::uint64_t>(st.st_mtim.tv_nsec);
    key = key * 1000003u + static_cast<std::uint64_t>(st.st_size);
    return key == 0 ? 1 : key;
}

void fsync_path(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

bool replace_file(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const int failed = errno;
        ::unlink(tmp.c_str());
        errno = failed;
        return false;
    }
    fsync_path(fs::path(path).parent_path().string(), true);
    return true;
}

void write_pointer(const std::string& dir, const std::string& name) {
    if (!replace_file(dir + "/" + kPointerFile, name + "\n"))
        throw std::runtime_error("cannot switch the replica to " + name + ": " + std::strerror(errno));
}

// Removes a database file and the files SQLite keeps beside it.
void remove_database(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

SyncLock::SyncLock(const std::string& dir, bool wait) {
    fd_ = ::open((dir + "/sync.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    int rc;
    do rc = ::flock(fd_, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    held_ = rc == 0;
}

SyncLock::~SyncLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace detail

using namespace detail;

std::string Replica::db_path() const {
    std::string name = read_pointer(dir_);
    return dir_ + "/" + (name.empty() ? kLegacyFile : name);
}

void Replica::remove_old_generations() const {
    const std::string current = read_pointer(dir_);
    std::error_code ec;
    std::vector<std::string> doomed;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::string base = name;
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            std::size_t n = std::strlen(suffix);
            if (base.size() > n && base.compare(base.size() - n, n, suffix) == 0) base.resize(base.size() - n);
        }
        bool old_generation = generation_of(base) != 0 && base != current;
        bool superseded_legacy = base == kLegacyFile && !current.empty();
        bool leftover = base.rfind("catalog.db.new", 0) == 0 || name == std::string(kPointerFile) + ".tmp";
        if (old_generation || superseded_legacy || leftover) doomed.push_back(it->path().string());
    }
    for (const auto& path : doomed) fs::remove(path, ec);
}

std::string Replica::next_generation() const {
    // Past the one in use and past any file left in the directory.
    std::uint64_t last = generation_of(read_pointer(dir_));
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (auto dot = name.find(".db"); dot != std::string::npos) last = std::max(last, generation_of(name.substr(0, dot + 3)));
    }
    return "catalog-" + std::to_string(last + 1) + ".db";
}

}  // namespace catalog_client
