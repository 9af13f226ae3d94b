// The central-api program itself: serve prints its URL and stops on SIGTERM; the listing
// commands; mutate; every error is one line on stderr and a non-zero exit.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <vector>

extern char** environ;

namespace {

struct Child {
    pid_t pid = -1;
    int out = -1, err = -1;
};

Child spawn(const std::vector<std::string>& args) {
    int out[2], err[2];
    REQUIRE(pipe(out) == 0);
    REQUIRE(pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<char*> argv;
    std::string binary = CENTRAL_API_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    Child c;
    REQUIRE(posix_spawn(&c.pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    c.out = out[0];
    c.err = err[0];
    return c;
}

// Reads from fd until EOF or until `stop_at` appears, waiting at most `seconds`.
std::string read_until(int fd, const std::string& stop_at, int seconds) {
    std::string data;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (poll(&p, 1, std::max(left, 1)) <= 0) break;
        char buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (!stop_at.empty() && data.find(stop_at) != std::string::npos) break;
    }
    return data;
}

struct Result {
    int code = -1;
    std::string out, err;
};

Result run(const std::vector<std::string>& args) {
    Child c = spawn(args);
    Result r;
    r.out = read_until(c.out, "", 300);
    r.err = read_until(c.err, "", 5);
    int status = 0;
    waitpid(c.pid, &status, 0);
    close(c.out);
    close(c.err);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("serve creates the database, prints one listening line, answers, stops on SIGTERM") {
    testing::TempDir dir;
    std::string db = dir.path + "/demo.db";
    Child c = spawn({"serve", "--db", db, "--products", "60", "--fast-pin-hash"});
    std::string line = read_until(c.out, "\n", 120);
    REQUIRE(line.rfind("listening on http://127.0.0.1:", 0) == 0);
    int port = std::stoi(line.substr(std::string("listening on http://127.0.0.1:").size()));
    httplib::Client cli("127.0.0.1", port);
    auto health = cli.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);

    // The listing commands work on the live database.
    Result tokens = run({"tokens", "--db", db});
    CHECK(tokens.code == 0);
    CHECK(count_lines(tokens.out) == 40);
    std::istringstream first(tokens.out);
    std::string store, kiosk, token;
    first >> store >> kiosk >> token;
    auto me = cli.Get("/v1/kiosks/me", {{"Authorization", "Bearer " + token}});
    REQUIRE(me);
    CHECK(testing::json::parse(me->body)["store_id"] == store);

    Result staff = run({"staff", "--db", db});
    CHECK(staff.code == 0);
    CHECK(count_lines(staff.out) == 120);
    std::istringstream s(staff.out);
    std::string staff_id, staff_store, pin;
    s >> staff_id >> staff_store >> pin;
    CHECK(pin.size() == 6);
    Result customers = run({"customers", "--db", db, "--limit", "5"});
    CHECK(customers.code == 0);
    CHECK(count_lines(customers.out) == 5);
    Result mutate = run({"mutate", "--db", db, "--percent", "10"});
    CHECK(mutate.code == 0);
    CHECK(mutate.out.find("mutated:") == 0);

    // A second server on the same port fails with one line.
    Result busy = run({"serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port)});
    CHECK(busy.code != 0);
    CHECK(count_lines(busy.err) == 1);
    CHECK(busy.err.find("cannot listen") != std::string::npos);

    kill(c.pid, SIGTERM);
    int status = 0;
    waitpid(c.pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    close(c.out);
    close(c.err);
}

TEST_CASE("errors are one clear line on stderr and a non-zero exit") {
    testing::TempDir dir;
    auto one_line_error = [](const Result& r, const std::string& needle) {
        CHECK(r.code != 0);
        CHECK(count_lines(r.err) == 1);
        CHECK(r.err.find(needle) != std::string::npos);
        CHECK(r.err.rfind("central-api: ", 0) == 0);
    };
    one_line_error(run({"tokens", "--db", dir.path + "/missing.db"}), "does not exist");
    one_line_error(run({"serve", "--db", dir.path + "/x.db", "--listen", "nonsense"}), "--listen");
    one_line_error(run({"serve", "--db", dir.path + "/x.db", "--bogus"}), "--bogus");
    one_line_error(run({"serve"}), "--db is required");
    one_line_error(run({"mutate", "--db", dir.path + "/missing.db", "--percent", "1"}), "does not exist");
    std::string junk = dir.path + "/junk.db";
    FILE* f = std::fopen(junk.c_str(), "w");
    std::fputs("this is not a database", f);
    std::fclose(f);
    one_line_error(run({"staff", "--db", junk}), "is not a central-api database");
    one_line_error(run({"frobnicate"}), "unknown command 'frobnicate'");
}
