#include "kiosk/journal.hpp"

#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <systemd/sd-journal.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace kiosk {

namespace {

std::atomic<bool> on_journal{false};

int priority_of(spdlog::level::level_enum level) {
    switch (level) {
        case spdlog::level::critical: return 2;
        case spdlog::level::err: return 3;
        case spdlog::level::warn: return 4;
        case spdlog::level::info: return 6;
        default: return 7;
    }
}

std::string one_line(const std::string& s) {
    std::string out = s.substr(0, 500);
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    return out;
}

std::string field_name(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') out += c;
    }
    while (!out.empty() && (out[0] == '_' || (out[0] >= '0' && out[0] <= '9'))) out.erase(0, 1);  // journald's rule
    return out.empty() ? "KIOSK_FIELD" : out;
}

}  // namespace

bool stderr_is_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (!stream) return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2) return false;
    struct stat st {};
    if (fstat(2, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev && static_cast<unsigned long long>(st.st_ino) == ino;
}

bool use_journal_when_connected() {
    if (!stderr_is_journal()) return false;
    auto logger = std::make_shared<spdlog::logger>("kiosk", std::make_shared<spdlog::sinks::systemd_sink_mt>("endless-aisle-kiosk"));
    logger->set_level(spdlog::default_logger()->level());
    logger->set_pattern("%v");  // the journal has the time, the priority and the identifier
    spdlog::set_default_logger(logger);
    on_journal = true;
    return true;
}

std::vector<std::string> journal_entry(spdlog::level::level_enum level, const std::string& message, const LogFields& fields) {
    std::vector<std::string> entry = {"MESSAGE=" + one_line(message), "PRIORITY=" + std::to_string(priority_of(level)),
                                      "SYSLOG_IDENTIFIER=endless-aisle-kiosk"};
    for (const auto& [name, value] : fields) entry.push_back(field_name(name) + "=" + one_line(value));
    return entry;
}

void log_event(spdlog::level::level_enum level, const std::string& message, const LogFields& fields) {
    if (on_journal) {
        const std::vector<std::string> entry = journal_entry(level, message, fields);
        std::vector<iovec> parts;
        for (const std::string& f : entry) parts.push_back({const_cast<char*>(f.data()), f.size()});
        if (sd_journal_sendv(parts.data(), static_cast<int>(parts.size())) == 0) return;
    }
    std::string line = message;
    for (const auto& [name, value] : fields) line += " " + field_name(name) + "=" + one_line(value);
    spdlog::log(level, "{}", line);
}

}  // namespace kiosk
