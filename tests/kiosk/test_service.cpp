// The kiosk as a systemd service: the real program, under a stand-in for systemd's notification
// socket ($NOTIFY_SOCKET, $WATCHDOG_USEC), says READY=1 once its first frame is drawn, feeds the
// watchdog from its frame loop while idle on the attract screen, and says STOPPING=1 when
// SIGTERM stops it (exit 0). Also: the journal entries' fields.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "kiosk/journal.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>

using testing::Harness;
using testing::TempDir;

namespace {

// A datagram socket where the kiosk's sd_notify messages arrive.
class NotifySocket {
public:
    explicit NotifySocket(const std::string& path) : path_(path) {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(path.size() < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~NotifySocket() { close(fd_); }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    // The next message, or "" when none came within `seconds`.
    std::string next(double seconds) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(seconds * 1000)) <= 0) return {};
        char buf[4096];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    }

private:
    std::string path_;
    int fd_ = -1;
};

// The environment of one child, restored when it goes.
struct ScopedEnv {
    std::vector<std::string> names;
    void set(const std::string& name, const std::string& value) {
        setenv(name.c_str(), value.c_str(), 1);
        names.push_back(name);
    }
    ~ScopedEnv() {
        for (const auto& n : names) unsetenv(n.c_str());
    }
};

}  // namespace

TEST_CASE("under systemd: READY=1 after the first frame, WATCHDOG=1 from the idle frame loop, STOPPING=1 on SIGTERM") {
    Harness h;
    TempDir dir;
    std::ofstream(dir.path + "/token") << h.token << "\n";
    NotifySocket notify(dir.path + "/notify");
    testing::Child child;
    {
        ScopedEnv env;  // only the child needs these
        env.set("NOTIFY_SOCKET", dir.path + "/notify");
        env.set("WATCHDOG_USEC", "1200000");  // 1.2 s: the loop must wake at least every 0.4 s
        // As under cage: the watchdog is addressed to the parent (the compositor, here the test).
        env.set("WATCHDOG_PID", std::to_string(getpid()));
        env.set("SDL_VIDEODRIVER", "offscreen");
        env.set("KIOSK_ALLOW_OFFSCREEN", "1");  // an interactive run without a display
        child = testing::spawn(KIOSK_BINARY, {"--api", h.url(), "--token-file", dir.path + "/token", "--replica",
                                              dir.path + "/r", "--outbox", dir.path + "/o", "--cache", dir.path + "/c",
                                              "--windowed", "--width", "800", "--height", "600"});
    }
    std::string first;
    for (int i = 0; i < 5 && first.empty(); ++i) first = notify.next(30);
    REQUIRE_MESSAGE(first.find("READY=1") != std::string::npos, first);
    CHECK(first.find("STATUS=") != std::string::npos);

    // Idle on the attract screen, it still feeds the watchdog: at least 8 kicks in 4 s.
    int kicks = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
    double longest_gap = 0;
    auto last = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < until) {
        const std::string m = notify.next(1.5);
        if (m.find("WATCHDOG=1") == std::string::npos) continue;
        const auto at = std::chrono::steady_clock::now();
        if (kicks > 0) longest_gap = std::max(longest_gap, std::chrono::duration<double>(at - last).count());
        last = at;
        ++kicks;
    }
    CHECK(kicks >= 8);
    CHECK(longest_gap < 1.2);  // never as long as WatchdogSec

    REQUIRE(kill(child.pid, SIGTERM) == 0);
    std::string stopping;
    for (int i = 0; i < 50 && stopping.find("STOPPING=1") == std::string::npos; ++i) stopping = notify.next(1);
    CHECK(stopping.find("STOPPING=1") != std::string::npos);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    pid_t done = 0;
    while ((done = waitpid(child.pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline) notify.next(0.05);
    if (done == 0) {
        kill(child.pid, SIGKILL);
        waitpid(child.pid, &status, 0);
        FAIL("the kiosk did not stop on SIGTERM");
    }
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    close(child.out);
    close(child.err);
}

TEST_CASE("journal entries: priority, identifier, upper-case field names, one line each") {
    const auto entry = kiosk::journal_entry(spdlog::level::warn, "order rejected:\nout_of_stock",
                                            {{"kiosk_event", "order_rejected"}, {"KIOSK_ERROR_KIND", "out\nof_stock"}, {"_bad", "x"}});
    REQUIRE(entry.size() == 6);
    CHECK(entry[0] == "MESSAGE=order rejected: out_of_stock");
    CHECK(entry[1] == "PRIORITY=4");
    CHECK(entry[2] == "SYSLOG_IDENTIFIER=endless-aisle-kiosk");
    CHECK(entry[3] == "KIOSK_EVENT=order_rejected");
    CHECK(entry[4] == "KIOSK_ERROR_KIND=out of_stock");
    CHECK(entry[5] == "BAD=x");  // journald refuses names starting with "_" from clients
    CHECK_FALSE(kiosk::stderr_is_journal());  // no $JOURNAL_STREAM here
}
