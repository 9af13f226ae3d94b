// Shared helpers of the fuzz targets: the failing-property report and the scratch file.
#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fuzz {

namespace {

// A directory of this process, removed at exit: /dev/shm when there is one (no disk writes).
class ScratchDir {
  public:
    ScratchDir() {
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::path base =
            fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::string pattern = (base / "kiosk-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            std::perror("fuzz: mkdtemp");
            std::abort();
        }
        dir_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
};

}  // namespace

void check_failed(const char* file, int line, const char* condition, const std::string& what) {
    std::fprintf(stderr, "\nFUZZ_CHECK failed at %s:%d: %s\n  %s\n", file, line, condition,
                 what.c_str());
    std::fflush(stderr);
    std::abort();
}

const std::string& scratch_file(const std::uint8_t* data, std::size_t size, const char* suffix) {
    static ScratchDir dir;
    static std::string path;
    path = dir.dir() + "/input" + suffix;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::perror("fuzz: cannot write the scratch file");
        std::abort();
    }
    return path;
}

}  // namespace fuzz
