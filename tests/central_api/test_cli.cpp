// The central-api program itself: serve prints its URL and stops on SIGTERM; the listing
// commands; mutate; every error is one line on stderr and a non-zero exit.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>

TEST_CASE("serve creates the database, prints one listening line, answers, stops on SIGTERM") {
    testing::TempDir dir;
    std::string db = dir.path + "/demo.db";
    testing::Child c = testing::spawn(CENTRAL_API_BINARY, {"serve", "--db", db, "--products", "60", "--fast-pin-hash"});
    std::string line = testing::read_until(c.out, "\n", 120);
    REQUIRE(line.rfind("listening on http://127.0.0.1:", 0) == 0);
    int port = std::stoi(line.substr(std::string("listening on http://127.0.0.1:").size()));
    httplib::Client cli("127.0.0.1", port);
    auto health = cli.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);

    // The listing commands work on the live database.
    testing::Result tokens = testing::run(CENTRAL_API_BINARY, {"tokens", "--db", db});
    CHECK(tokens.code == 0);
    CHECK(testing::count_lines(tokens.out) == 40);
    std::istringstream first(tokens.out);
    std::string store, kiosk, token;
    first >> store >> kiosk >> token;
    auto me = cli.Get("/v1/kiosks/me", {{"Authorization", "Bearer " + token}});
    REQUIRE(me);
    CHECK(testing::json::parse(me->body)["store_id"] == store);

    testing::Result staff = testing::run(CENTRAL_API_BINARY, {"staff", "--db", db});
    CHECK(staff.code == 0);
    CHECK(testing::count_lines(staff.out) == 120);
    std::istringstream s(staff.out);
    std::string staff_id, staff_store, pin;
    s >> staff_id >> staff_store >> pin;
    CHECK(pin.size() == 6);
    testing::Result customers = testing::run(CENTRAL_API_BINARY, {"customers", "--db", db, "--limit", "5"});
    CHECK(customers.code == 0);
    CHECK(testing::count_lines(customers.out) == 5);
    testing::Result mutate = testing::run(CENTRAL_API_BINARY, {"mutate", "--db", db, "--percent", "10"});
    CHECK(mutate.code == 0);
    CHECK(mutate.out.find("mutated:") == 0);

    // A second server on the same port fails with one line.
    testing::Result busy = testing::run(CENTRAL_API_BINARY, {"serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port)});
    CHECK(busy.code != 0);
    CHECK(testing::count_lines(busy.err) == 1);
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
    auto one_line_error = [](const testing::Result& r, const std::string& needle) {
        CHECK(r.code != 0);
        CHECK(testing::count_lines(r.err) == 1);
        CHECK(r.err.find(needle) != std::string::npos);
        CHECK(r.err.rfind("central-api: ", 0) == 0);
    };
    one_line_error(testing::run(CENTRAL_API_BINARY, {"tokens", "--db", dir.path + "/missing.db"}), "does not exist");
    one_line_error(testing::run(CENTRAL_API_BINARY, {"serve", "--db", dir.path + "/x.db", "--listen", "nonsense"}), "--listen");
    one_line_error(testing::run(CENTRAL_API_BINARY, {"serve", "--db", dir.path + "/x.db", "--bogus"}), "--bogus");
    one_line_error(testing::run(CENTRAL_API_BINARY, {"serve"}), "--db is required");
    one_line_error(testing::run(CENTRAL_API_BINARY, {"mutate", "--db", dir.path + "/missing.db", "--percent", "1"}), "does not exist");
    std::string junk = dir.path + "/junk.db";
    FILE* f = std::fopen(junk.c_str(), "w");
    std::fputs("this is not a database", f);
    std::fclose(f);
    one_line_error(testing::run(CENTRAL_API_BINARY, {"staff", "--db", junk}), "is not a central-api database");
    one_line_error(testing::run(CENTRAL_API_BINARY, {"frobnicate"}), "unknown command 'frobnicate'");
}
