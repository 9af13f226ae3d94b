// Error kinds and their one-line description (logs, operators).
#include "catalog_client/result.hpp"

namespace catalog_client {

const char* to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Network: return "network";
        case ErrorKind::Timeout: return "timeout";
        case ErrorKind::Http: return "http";
        case ErrorKind::Parse: return "parse";
        case ErrorKind::TooLarge: return "too_large";
        case ErrorKind::Cancelled: return "cancelled";
        case ErrorKind::Storage: return "storage";
        case ErrorKind::Config: return "config";
    }
    return "unknown";
}

std::string describe(const Error& error) {
    std::string out = to_string(error.kind);
    if (!error.code.empty()) out += " (" + error.code + ")";
    if (!error.message.empty()) out += ": " + error.message;
    return out;
}

}  // namespace catalog_client
