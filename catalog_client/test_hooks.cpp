#include "catalog_client/test_hooks.hpp"

#include <csignal>
#include <cstdlib>
#include <string>

namespace catalog_client {

void crash_point(const char* name) {
    static const std::string wanted = [] {
        const char* v = std::getenv("KIOSK_TEST_CRASH_AT");
        return std::string(v ? v : "");
    }();
    if (!wanted.empty() && wanted == name) std::raise(SIGKILL);
}

}  // namespace catalog_client
