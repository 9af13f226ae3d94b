#include "central_api/demo/demo_secrets.hpp"

#include "central_api/catalog.hpp"
#include "central_api/db.hpp"
#include "central_api/secrets.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace central_api {

namespace {

// Keyed BLAKE2b of the parts joined with NUL bytes, `size` bytes long.
std::vector<unsigned char> derive(const DemoKey& key, std::initializer_list<std::string_view> parts,
                                  std::size_t size) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.bytes.data(), key.bytes.size(), size);
    for (std::string_view part : parts) {
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
        const unsigned char separator = 0;
        crypto_generichash_update(&state, &separator, 1);
    }
    std::vector<unsigned char> out(size);
    crypto_generichash_final(&state, out.data(), size);
    return out;
}

std::uint64_t seed_of(Db& db, const std::string& path) {
    auto version = db.meta("schema_version");
    if (!version) throw std::runtime_error(path + " is not a central-api database");
    if (*version != std::to_string(kSchemaVersion))
        throw std::runtime_error(path + " has schema version " + *version + ", this central-api needs " +
                                 std::to_string(kSchemaVersion) + ": generate it anew");
    return std::stoull(db.meta("seed").value_or("0"));
}

std::unique_ptr<Db> open_demo(const std::string& db_path) {
    if (sodium_init() < 0) throw std::runtime_error("cannot initialise libsodium");
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) throw std::runtime_error("database " + db_path + " does not exist");
    auto db = std::make_unique<Db>(db_path, Db::Mode::ReadOnly);
    try {
        db->meta("schema_version");
    } catch (const DbError&) {
        throw std::runtime_error(db_path + " is not a central-api database");
    }
    return db;
}

}  // namespace

std::string demo_secrets_path(const std::string& db_path) { return db_path + ".demo-secrets"; }

DemoKey new_demo_key() {
    DemoKey key;
    randombytes_buf(key.bytes.data(), key.bytes.size());
    return key;
}

void write_demo_key(const std::string& path, const DemoKey& key) {
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    ::unlink(tmp.c_str());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + tmp);
    const std::string text =
        "# central-api demo secrets: the key the demo kiosk tokens and staff PINs are derived from\n"
        "# (central-api tokens / staff). Keep it private; the database holds only hashes.\n"
        "key=" + to_hex(key.bytes.data(), key.bytes.size()) + "\n";
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot write " + path);
    }
}

DemoKey read_demo_key(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error(path + " is missing: the demo tokens and PINs are derived from it (the database "
                                 "holds only their hashes); generate the database anew to get both");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("key=", 0) != 0) continue;
        const std::string hex = line.substr(4);
        DemoKey key;
        std::size_t decoded = 0;
        if (hex.size() == key.bytes.size() * 2 &&
            sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.data(), hex.size(), nullptr, &decoded, nullptr) == 0 &&
            decoded == key.bytes.size())
            return key;
        break;
    }
    throw std::runtime_error(path + " is not a central-api demo secrets file");
}

std::string demo_kiosk_token(const DemoKey& key, std::uint64_t seed, const std::string& kiosk_id) {
    auto bytes = derive(key, {"central-api/kiosk-token/v1", std::to_string(seed), kiosk_id}, 24);
    return to_hex(bytes.data(), bytes.size());
}

std::vector<std::string> demo_store_pins(const DemoKey& key, std::uint64_t seed,
                                         const std::vector<std::string>& staff_ids) {
    std::vector<std::string> pins;
    for (const auto& id : staff_ids) {
        std::string pin;
        for (int attempt = 0; pin.empty() || std::find(pins.begin(), pins.end(), pin) != pins.end(); ++attempt) {
            auto bytes = derive(key, {"central-api/staff-pin/v1", std::to_string(seed), id, std::to_string(attempt)}, 8);
            std::uint64_t v = 0;
            for (unsigned char b : bytes) v = (v << 8) | b;
            char buf[8];
            std::snprintf(buf, sizeof buf, "%06u", static_cast<unsigned>(v % 1000000));
            pin = buf;
        }
        pins.push_back(pin);
    }
    return pins;
}

std::vector<DemoKiosk> demo_kiosks(const std::string& db_path) {
    auto db = open_demo(db_path);
    const std::uint64_t seed = seed_of(*db, db_path);
    const DemoKey key = read_demo_key(demo_secrets_path(db_path));
    std::vector<DemoKiosk> out;
    auto st = db->prepare("SELECT store_id, id, token_hash FROM kiosks ORDER BY store_id, id");
    while (st.step()) {
        DemoKiosk k{st.text(0), st.text(1), demo_kiosk_token(key, seed, st.text(1))};
        if (!same_hash(sha256_hex(k.token), st.text(2)))
            throw std::runtime_error(demo_secrets_path(db_path) + " does not belong to " + db_path);
        out.push_back(std::move(k));
    }
    return out;
}

std::vector<DemoStaff> demo_staff(const std::string& db_path) {
    auto db = open_demo(db_path);
    const std::uint64_t seed = seed_of(*db, db_path);
    const DemoKey key = read_demo_key(demo_secrets_path(db_path));
    std::vector<DemoStaff> out;
    auto st = db->prepare("SELECT id, store_id, name FROM staff ORDER BY store_id, id");
    std::size_t store_start = 0;
    auto finish_store = [&] {
        std::vector<std::string> ids;
        for (std::size_t i = store_start; i < out.size(); ++i) ids.push_back(out[i].staff_id);
        auto pins = demo_store_pins(key, seed, ids);
        for (std::size_t i = store_start; i < out.size(); ++i) out[i].pin = pins[i - store_start];
        store_start = out.size();
    };
    while (st.step()) {
        if (!out.empty() && out.back().store_id != st.text(1)) finish_store();
        out.push_back({st.text(0), st.text(1), "", st.text(2)});
    }
    finish_store();
    return out;
}

}  // namespace central_api
