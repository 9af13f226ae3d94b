// Secrets at rest (issue 10, item 9): the database holds no token and no PIN in clear, only
// their hashes; `central-api tokens` and `staff` still print the demo credentials (derived from
// FILE.demo-secrets, mode 0600), and those credentials work; an old database says so clearly.
#include "central_api/catalog.hpp"
#include "central_api/demo/demo_secrets.hpp"
#include "central_api/secrets.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

using testing::json;

namespace {

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The database file and its WAL and shared-memory files, as bytes.
std::string database_bytes(const std::string& db) {
    return file_bytes(db) + file_bytes(db + "-wal") + file_bytes(db + "-shm");
}

// Whether a 6-digit PIN appears in `bytes` as a value of its own. A PIN is digits, so a match
// that is part of a longer number, inside a hash or hex string (letters or digits on both
// sides), a JSON number (after ':'), a decimal fraction (after '.') or a quoted colour or path
// piece ('"' or '/' around it) is a coincidence of the catalogue, not a stored PIN. A PIN kept
// in its own column sits between other values (a name's last letter before it, a hash's '$'
// after it, say): that is found.
bool holds_pin(const std::string& bytes, const std::string& pin) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t at = bytes.find(pin); at != std::string::npos; at = bytes.find(pin, at + 1)) {
        const char left = at > 0 ? bytes[at - 1] : '\0';
        const char right = at + pin.size() < bytes.size() ? bytes[at + pin.size()] : '\0';
        if (is_digit(left) || is_digit(right)) continue;
        if (std::string(":./\"").find(left) != std::string::npos && left != '\0') continue;
        if (std::string("./\"").find(right) != std::string::npos && right != '\0') continue;
        if (is_alnum(left) && is_alnum(right)) continue;
        return true;
    }
    return false;
}

struct Listed {
    std::vector<std::string> tokens, pins;
};

Listed list_credentials(const std::string& db) {
    Listed out;
    testing::Result tokens = testing::run(CENTRAL_API_BINARY, {"tokens", "--db", db});
    REQUIRE(tokens.code == 0);
    std::istringstream t(tokens.out);
    std::string store, kiosk, token;
    while (t >> store >> kiosk >> token) {
        CHECK(token.size() == 48);
        out.tokens.push_back(token);
    }
    testing::Result staff = testing::run(CENTRAL_API_BINARY, {"staff", "--db", db});
    REQUIRE(staff.code == 0);
    std::istringstream s(staff.out);
    for (std::string line; std::getline(s, line);) {
        std::istringstream fields(line);
        std::string id, staff_store, pin;
        fields >> id >> staff_store >> pin;
        CHECK(pin.size() == 6);
        out.pins.push_back(pin);
    }
    return out;
}

}  // namespace

TEST_CASE("the PIN scan finds a PIN stored in its own column") {
    // What the staff table used to hold, as SQLite lays a row out: name, PIN, hash, side by side.
    const std::string row = std::string("s-paris-rivoli-1paris-rivoliJean Martin") + "482913" + "$argon2id$v=19$m=8,t=1,p=1$";
    CHECK(holds_pin(row, "482913"));
    CHECK_FALSE(holds_pin(row, "482914"));
    CHECK_FALSE(holds_pin("\"amount\":482913,", "482913"));
    CHECK_FALSE(holds_pin("3700004829130", "482913"));
}

TEST_CASE("the database holds no token and no PIN in clear; the listed ones work") {
    testing::TempDir dir;
    const std::string db = dir.path + "/demo.db";
    testing::Result gen = testing::run(CENTRAL_API_BINARY, {"generate", "--db", db, "--products", "60", "--fast-pin-hash"});
    REQUIRE(gen.code == 0);
    struct stat st{};
    REQUIRE(::stat(central_api::demo_secrets_path(db).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    Listed listed = list_credentials(db);
    CHECK(listed.tokens.size() == 40);
    CHECK(listed.pins.size() == 120);
    // The same listing twice: derived, not random.
    CHECK(list_credentials(db).tokens == listed.tokens);

    const std::string bytes = database_bytes(db);
    REQUIRE(bytes.size() > 100000);
    for (const auto& token : listed.tokens) {
        CAPTURE(token);
        CHECK(bytes.find(token) == std::string::npos);
        CHECK(bytes.find(central_api::sha256_hex(token)) != std::string::npos);  // its hash is there
    }
    int pins_found = 0;
    for (const auto& pin : listed.pins) pins_found += holds_pin(bytes, pin);
    CHECK(pins_found == 0);
    // The secrets file is what the credentials come from: without it they cannot be listed.
    std::filesystem::remove(central_api::demo_secrets_path(db));
    testing::Result missing = testing::run(CENTRAL_API_BINARY, {"tokens", "--db", db});
    CHECK(missing.code != 0);
    CHECK(testing::count_lines(missing.err) == 1);
    CHECK(missing.err.find(".demo-secrets is missing") != std::string::npos);
}

TEST_CASE("listed tokens and PINs open the API; staff sessions are stored as hashes") {
    testing::Harness h;
    CHECK(h.get("/v1/kiosks/me", {{"Authorization", "Bearer " + h.token_for_store("nantes-atlantis")}}).doc()["store_id"] == "nantes-atlantis");
    auto session = h.post("/v1/staff/sessions", json{{"pin", h.pin_for("s-paris-rivoli-3")}});
    REQUIRE(session.status == 201);
    CHECK(session.doc()["staff"]["id"] == "s-paris-rivoli-3");
    const std::string token = session.doc()["token"];
    CHECK(h.get("/v1/orders?loyalty_card=x", {{"X-Staff-Session", token}}).status == 200);
    const std::string bytes = database_bytes(h.db_path());
    CHECK(bytes.find(token) == std::string::npos);
    CHECK(bytes.find(h.token) == std::string::npos);
    // A token that differs in one character is refused.
    std::string near = h.token;
    near.back() = near.back() == '0' ? '1' : '0';
    CHECK(h.get("/v1/kiosks/me", {{"Authorization", "Bearer " + near}}).status == 401);
    // The schema has no column for a secret in clear.
    auto db = h.open_db();
    for (const char* sql : {"SELECT COUNT(*) FROM pragma_table_info('staff') WHERE name = 'pin'",
                            "SELECT COUNT(*) FROM pragma_table_info('kiosks') WHERE name = 'token'",
                            "SELECT COUNT(*) FROM pragma_table_info('staff_sessions') WHERE name = 'token'"}) {
        auto q = db->prepare(sql);
        q.step();
        CHECK(q.integer(0) == 0);
    }
}

TEST_CASE("a database of an older schema is refused with a clear line") {
    testing::TempDir dir;
    const std::string db = dir.path + "/old.db";
    std::filesystem::copy_file(testing::template_db(), db);
    std::filesystem::copy_file(central_api::demo_secrets_path(testing::template_db()), central_api::demo_secrets_path(db));
    {
        central_api::Db d(db, central_api::Db::Mode::ReadWrite);
        d.set_meta("schema_version", "2");
    }
    for (const char* command : {"tokens", "staff", "serve"}) {
        CAPTURE(command);
        testing::Result r = testing::run(CENTRAL_API_BINARY, {command, "--db", db});
        CHECK(r.code != 0);
        CHECK(testing::count_lines(r.err) == 1);
        CHECK(r.err.find("has schema version 2") != std::string::npos);
        CHECK(r.err.find("needs " + std::to_string(central_api::kSchemaVersion)) != std::string::npos);
    }
}
