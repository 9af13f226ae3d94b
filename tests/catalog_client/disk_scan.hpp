#pragma once
// Looking for personal data on a kiosk's disk: a shopper's distinctive details, and every file
// under a directory read as bytes (SQLite's -wal and -shm included) searched for each of them.

#include "harness.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace testing {

// Details no catalogue or store text contains; the loyalty card is a real demo card (the server
// refuses unknown ones), chosen absent from the files under `root` before any order.
struct Shopper {
    std::string name = "Zephyrine Quillaboud-Marvejols";
    std::string street = "17 impasse des Tanneurs Oxybelles";
    std::string city = "Vauxbrumeville-sur-Ondine";
    std::string email = "zephyrine.quillaboud.7731@example.org";
    std::string phone = "07.61.93.28.45";
    std::string card;
    std::vector<std::string> strings() const { return {name, street, city, email, phone, card}; }
};

// The files under `root` holding `needle` (as bytes).
inline std::vector<std::string> files_holding(const std::string& root, const std::string& needle) {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (bytes.find(needle) != std::string::npos) out.push_back(entry.path().string());
    }
    return out;
}

// Every "string in file" found under `root`, for a failure message; empty when none.
inline std::vector<std::string> personal_data_under(const std::string& root, const Shopper& s) {
    std::vector<std::string> found;
    for (const auto& needle : s.strings())
        for (const auto& file : files_holding(root, needle))
            found.push_back(needle + " in " + file);
    return found;
}

// A shopper whose loyalty card (a demo card) appears nowhere under `root` yet.
inline Shopper shopper_for(Harness& h, const std::string& root) {
    Shopper s;
    auto db = h.open_db();
    auto st = db->prepare("SELECT card FROM customers ORDER BY card");
    while (st.step()) {
        std::string card = st.text(0);
        if (files_holding(root, card).empty()) {
            s.card = card;
            return s;
        }
    }
    throw std::runtime_error("every demo loyalty card already appears under " + root);
}

// The delivery address and contact of `s` (and the card) put into an order body.
inline json with_shopper(json body, const Shopper& s) {
    if (body["fulfilment"]["type"] == "delivery")
        body["fulfilment"]["address"] = {{"name", s.name},
                                         {"line1", s.street},
                                         {"postcode", "69003"},
                                         {"city", s.city},
                                         {"country", "FR"}};
    body["contact"] = {{"email", s.email}, {"phone", s.phone}};
    body["loyalty_card"] = s.card;
    return body;
}

}  // namespace testing
