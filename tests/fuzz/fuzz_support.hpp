#pragma once
// Helpers shared by the fuzz targets of tests/fuzz/.
//   FUZZ_CHECK(cond, what): a property every input must keep; on failure prints the condition and
//   `what` to stderr and aborts, so libFuzzer saves the input and the replay program fails.
//   scratch_file(bytes): writes the input to a file of this process (for decoders that only take
//   a path) and returns its path; the file is overwritten by the next input.
// Single-threaded (libFuzzer calls a target from one thread). Errors: abort, never an exception.

#include <cstddef>
#include <cstdint>
#include <string>

namespace fuzz {

[[noreturn]] void check_failed(const char* file, int line, const char* condition,
                               const std::string& what);

// The path of this process's scratch file, holding exactly `size` bytes of `data`.
const std::string& scratch_file(const std::uint8_t* data, std::size_t size, const char* suffix);

}  // namespace fuzz

#define FUZZ_CHECK(cond, what)                                                \
    do {                                                                      \
        if (!(cond)) ::fuzz::check_failed(__FILE__, __LINE__, #cond, (what)); \
    } while (false)
