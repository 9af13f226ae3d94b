#include "kioskctl_config.hpp"

#include <toml++/toml.h>

#include <fstream>

namespace kiosk {

std::optional<std::string> read_client_settings(const std::string& path, ClientSettings& out) {
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return path + ": " + std::string(e.description());
    }
    auto take = [&](const char* section, const char* key, std::string& into) -> std::optional<std::string> {
        auto node = table[section][key];
        if (!node) return std::nullopt;
        auto value = node.value<std::string>();
        if (!value) return path + ": " + section + "." + key + " must be a string";
        into = *value;
        return std::nullopt;
    };
    for (auto [section, key, into] : {std::tuple{"api", "url", &out.api_url}, std::tuple{"api", "token_file", &out.token_file},
                                      std::tuple{"api", "ca_bundle", &out.ca_bundle},
                                      std::tuple{"storage", "replica_dir", &out.replica_dir},
                                      std::tuple{"storage", "outbox_dir", &out.outbox_dir}})
        if (auto error = take(section, key, *into)) return error;
    return std::nullopt;
}

std::optional<std::string> read_token(const std::string& path, std::string& token) {
    if (path.empty()) return std::string("no token file: give --token-file or api.token_file in the config");
    std::ifstream in(path);
    if (!in) return "cannot read the token file " + path;
    std::getline(in, token);
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t')) token.pop_back();
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.erase(token.begin());
    if (token.empty()) return "the token file " + path + " is empty";
    if (token.size() > 512 || token.find_first_of(" \t\r\n") != std::string::npos)
        return "the token file " + path + " does not hold one token";
    return std::nullopt;
}

}  // namespace kiosk
