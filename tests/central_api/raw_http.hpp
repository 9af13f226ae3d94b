#pragma once
// Raw HTTP over a loopback TCP socket, for the hostile requests that httplib's client will not
// send (chunked bodies of any size, a request line without an end, a body the server should not
// read), and the test process's peak memory, since the server under test runs in-process.
// One RawConnection per test thread; every wait is bounded and reports when the bound is hit.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace testing {

class RawConnection {
public:
    explicit RawConnection(int port);  // connects to 127.0.0.1:port; throws when it cannot
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // What came back from a streamed request.
    struct Outcome {
        std::size_t sent = 0;       // bytes of the request written before the server answered
        bool answered = false;      // the server sent something or closed before the end
        bool timed_out = false;     // neither happened within the bound
        std::string response;       // everything read until the server closed (or the bound)
    };

    // Writes `head`, then the pieces `next(piece)` produces (it fills the empty `piece` and
    // returns false when there is no more), stopping as soon as the server answers or closes.
    // Then reads until the server closes, at most `seconds` in all.
    using Producer = std::function<bool(std::string& piece)>;
    Outcome stream(std::string_view head, const Producer& next, int seconds = 120,
                   bool close_write_at_end = true);
    // Writes all of `bytes` (false if the server closed first), then reads until it closes.
    Outcome exchange(std::string_view bytes, int seconds = 60);

private:
    int fd_ = -1;
};

// The status code of the first response in `text` (0 if there is none).
int first_status(const std::string& text);
// How many HTTP responses (status lines) `text` holds.
int count_responses(const std::string& text);
// The body of the first response (after the blank line), and one of its headers (lower-cased name).
std::string first_body(const std::string& text);
std::string first_header(const std::string& text, const std::string& lower_name);

// Peak resident memory of this process (VmHWM, in KiB) since the last reset_peak_memory().
long peak_memory_kib();
void reset_peak_memory();

}  // namespace testing
