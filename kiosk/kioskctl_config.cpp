#include "kiosk/kioskctl_config.hpp"

#include <toml++/toml.h>

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
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
    if (auto node = table["api"]["allow_insecure_http"]) {
        auto value = node.value<bool>();
        if (!value) return path + ": api.allow_insecure_http must be true or false";
        out.allow_insecure_http = *value;
    }
    for (auto [section, key, into] : {std::tuple{"api", "url", &out.api_url}, std::tuple{"api", "token_file", &out.token_file},
                                      std::tuple{"api", "ca_bundle", &out.ca_bundle},
                                      std::tuple{"storage", "replica_dir", &out.replica_dir},
                                      std::tuple{"storage", "outbox_dir", &out.outbox_dir},
                                      std::tuple{"kiosk", "synonyms_file", &out.synonyms_file},
                                      std::tuple{"kiosk", "assets_dir", &out.assets_dir},
                                      std::tuple{"api", "backend", &out.backend},
                                      std::tuple{"medusa", "publishable_key_file", &out.medusa_key_file},
                                      std::tuple{"medusa", "region", &out.medusa_region},
                                      std::tuple{"medusa", "kiosk_id", &out.medusa_kiosk_id},
                                      std::tuple{"medusa", "store", &out.medusa_store}})
        if (auto error = take(section, key, *into)) return error;
    return std::nullopt;
}

namespace {

// The host of an http(s) URL, lower case, without brackets, user info or port; empty if none.
std::string url_host(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    std::string authority = url.substr(scheme + 3, url.find_first_of("/?#", scheme + 3) - (scheme + 3));
    if (const std::size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    std::string host;
    if (!authority.empty() && authority[0] == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos) return {};
        host = authority.substr(1, close - 1);
    } else {
        host = authority.substr(0, authority.find(':'));
    }
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return host;
}

bool loopback_host(const std::string& host) {
    if (host == "localhost") return true;
    unsigned char v4[4];
    if (inet_pton(AF_INET, host.c_str(), v4) == 1) return v4[0] == 127;
    unsigned char v6[16];
    if (inet_pton(AF_INET6, host.c_str(), v6) == 1) {
        static const unsigned char one[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        return std::equal(v6, v6 + 16, one);
    }
    return false;
}

}  // namespace

bool is_insecure_remote(const std::string& url) {
    return url.rfind("http://", 0) == 0 && !loopback_host(url_host(url));
}

std::optional<std::string> check_api_url(const std::string& url, bool allow_insecure_http) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        return "api.url must start with https:// (or http:// on this machine): " + url;
    if (url_host(url).empty()) return "api.url has no host: " + url;
    if (is_insecure_remote(url) && !allow_insecure_http)
        return "api.url is plain http:// to another machine (" + url_host(url) +
               "): orders and tokens would cross the network unencrypted; use https://, or set "
               "api.allow_insecure_http = true on a network you trust";
    return std::nullopt;
}

std::optional<std::string> check_backend(const ClientSettings& settings) {
    if (settings.backend == "native") {
        if (settings.token_file.empty()) return std::string("api.token_file is required (or --token-file FILE)");
        return std::nullopt;
    }
    if (settings.backend != "medusa") return "api.backend must be \"native\" or \"medusa\", not \"" + settings.backend + "\"";
    if (settings.medusa_key_file.empty())
        return std::string("medusa.publishable_key_file is required with api.backend = \"medusa\"");
    if (settings.medusa_store.empty())
        return std::string("medusa.store is required with api.backend = \"medusa\": the stock location this kiosk stands in");
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
