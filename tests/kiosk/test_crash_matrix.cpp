// The order crash matrix: `kioskctl order` (a real process) is killed with SIGKILL at each point
// of placing an order, then restarted (`kioskctl outbox retry`). Every case must end with exactly
// one order on the server, its stock moved once, and the outbox agreeing — or, when the process
// died before the order was recorded, with no order and nothing left to send; never two.
//
// The points: before the outbox write and after it (before sending), and after the server's
// answer arrived but before it is recorded, through kioskctl's test hook (KIOSK_TEST_CRASH_AT,
// catalog_client/test_hooks.hpp: the process kills itself there); during the send, and after the
// server committed but before the answer arrived, through a loopback proxy that holds the
// request (or the server's answer) while the test kills the waiting process.
#include "harness.hpp"
#include "tcp_proxy.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>

extern char** environ;

using testing::json;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Starts kioskctl with `args`, KIOSK_TEST_CRASH_AT set to `crash_at` (unset when empty), its
// output in `out` and `err` (files: nothing to drain while it runs). posix_spawn: no fork of
// this multi-threaded process.
pid_t start_kioskctl(const std::vector<std::string>& args, const std::string& crash_at,
                     const std::string& out, const std::string& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "KIOSK_TEST_CRASH_AT=", 20) != 0) env_strings.emplace_back(*e);
    if (!crash_at.empty()) env_strings.push_back("KIOSK_TEST_CRASH_AT=" + crash_at);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string program = KIOSKCTL_BINARY;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{program.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

// Waits for the child to end (at most 120 s, on a pidfd: no polling loop) and returns its wait
// status; a child still running then is killed and the test fails.
int wait_child(pid_t pid) {
    int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    bool ended = true;
    if (fd >= 0) {
        pollfd p{fd, POLLIN, 0};
        int rc;
        do rc = ::poll(&p, 1, 120000);
        while (rc < 0 && errno == EINTR);
        ended = rc > 0;
        ::close(fd);
    }
    if (!ended) ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK_MESSAGE(ended, "kioskctl did not end within 120 s");
    return status;
}

bool killed(int status) {
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

struct Kiosk {
    testing::Harness h;
    testing::TempDir dir;
    testing::TempDir inputs;
    std::string token_file = inputs.path + "/token";
    std::string order_file = inputs.path + "/order.json";
    std::string sku;
    Kiosk() {
        std::ofstream(token_file) << h.token << "\n";
        sku = testing::stock_only_at(h, "paris-rivoli", 3);
        json order = {{"lines", {{{"sku", sku}, {"quantity", 1}}}},
                      {"fulfilment", {{"type", "pickup"}, {"store_id", "paris-rivoli"}}},
                      {"contact", {{"email", "crash.matrix@example.org"}}},
                      {"payment", {{"method", "pay_at_till"}}}};
        std::ofstream(order_file) << order.dump();
    }
    std::vector<std::string> args(const std::string& api, std::vector<std::string> command) const {
        std::vector<std::string> all = {"--api",        api,
                                        "--token-file", token_file,
                                        "--replica",    dir.path + "/replica",
                                        "--outbox",     dir.path + "/outbox",
                                        "--json"};
        all.insert(all.end(), command.begin(), command.end());
        return all;
    }
    pid_t order(const std::string& api, const std::string& crash_at = {}) {
        return start_kioskctl(args(api, {"order", "--file", order_file}), crash_at,
                              inputs.path + "/order.out", inputs.path + "/order.err");
    }
    // `kioskctl outbox [action]` run to its end; its JSON output.
    json outbox(const std::string& action) {
        pid_t pid = start_kioskctl(args(h.url(), {"outbox", action}), {},
                                   inputs.path + "/outbox.out", inputs.path + "/outbox.err");
        int status = wait_child(pid);
        INFO(slurp(inputs.path + "/outbox.err"));
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        return json::parse(slurp(inputs.path + "/outbox.out"));
    }
    // After the restart: exactly `orders` orders on the server (0 or 1), the stock moved that
    // many times, nothing pending, and the outbox holding the server's order.
    void check_end(std::size_t orders) {
        json retried = outbox("retry");
        CAPTURE(retried.dump());
        auto numbers = testing::order_numbers(h);
        CHECK(numbers.size() == orders);
        CHECK(testing::stock_at(h, sku, "paris-rivoli") == 3 - static_cast<std::int64_t>(orders));
        json list = outbox("list");
        CAPTURE(list.dump());
        CHECK(list["pending"] == 0);
        CHECK(list["entries"].size() == orders);
        if (orders == 1 && numbers.size() == 1 && list["entries"].size() == 1) {
            CHECK(list["entries"][0]["state"] == "acknowledged");
            CHECK(list["entries"][0]["number"] == numbers[0]);
        }
        // A second restart sends nothing more.
        CHECK(outbox("retry")["entries"].empty());
        CHECK(testing::order_numbers(h).size() == orders);
    }
};

}  // namespace

TEST_CASE("crash matrix: killed before the outbox write: no order, nothing to send") {
    Kiosk k;
    int status = wait_child(k.order(k.h.url(), "kioskctl.before_enqueue"));
    CHECK(killed(status));
    CHECK(testing::order_numbers(k.h).empty());
    k.check_end(0);
}

TEST_CASE(
    "crash matrix: killed after the outbox write, before sending: the restart places it once") {
    Kiosk k;
    int status = wait_child(k.order(k.h.url(), "outbox.after_enqueue"));
    CHECK(killed(status));
    CHECK(testing::order_numbers(k.h).empty());
    json list = k.outbox("list");
    CHECK(list["pending"] == 1);
    k.check_end(1);
}

TEST_CASE(
    "crash matrix: killed during the send (the server never saw it): the restart places it once") {
    Kiosk k;
    testing::TcpProxy proxy(k.h.port());
    proxy.script("POST /v1/orders", testing::TcpProxy::Action::HoldBeforeForward);
    pid_t pid = k.order(proxy.url());
    REQUIRE(proxy.wait_held());  // the order's request is in the proxy, not at the server
    ::kill(pid, SIGKILL);
    CHECK(killed(wait_child(pid)));
    proxy.release();
    CHECK(testing::order_numbers(k.h).empty());
    k.check_end(1);
}

TEST_CASE(
    "crash matrix: killed after the server committed, before the answer arrived: the restart gets "
    "the same order") {
    Kiosk k;
    testing::TcpProxy proxy(k.h.port());
    proxy.script("POST /v1/orders", testing::TcpProxy::Action::HoldAfterAnswer);
    pid_t pid = k.order(proxy.url());
    REQUIRE(proxy.wait_held());  // the server answered; the proxy holds its answer
    CHECK(testing::order_numbers(k.h).size() == 1);
    ::kill(pid, SIGKILL);
    CHECK(killed(wait_child(pid)));
    proxy.release();
    json list = k.outbox("list");
    CHECK(list["pending"] == 1);  // the kiosk does not know the order exists
    k.check_end(1);
}

TEST_CASE(
    "crash matrix: killed after the answer arrived, before it is recorded: the restart gets the "
    "same order") {
    Kiosk k;
    int status = wait_child(k.order(k.h.url(), "outbox.after_answer"));
    CHECK(killed(status));
    CHECK(testing::order_numbers(k.h).size() == 1);
    k.check_end(1);
}

TEST_CASE(
    "crash matrix: without a crash point the same order runs to its end (the hook does nothing "
    "unset)") {
    Kiosk k;
    pid_t pid = k.order(k.h.url());
    int status = wait_child(pid);
    INFO(slurp(k.inputs.path + "/order.err"));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(json::parse(slurp(k.inputs.path + "/order.out"))["number"] == testing::order_numbers(k.h).at(0));
    k.check_end(1);
}
