#include "kiosk/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdog_s_ = static_cast<double>(usec) / 1e6;
        return;
    }
    // Inside cage the service's main process is the compositor, our parent: systemd addresses
    // the watchdog to it ($WATCHDOG_PID), and the kiosk, which draws the frames, feeds it
    // (the unit has NotifyAccess=all).
    const char* pid = std::getenv("WATCHDOG_PID");
    const char* interval = std::getenv("WATCHDOG_USEC");
    if (pid && interval && std::strtoll(pid, nullptr, 10) == static_cast<long long>(getppid())) {
        const long long parsed = std::strtoll(interval, nullptr, 10);
        if (parsed > 0) watchdog_s_ = static_cast<double>(parsed) / 1e6;
    }
}

void ServiceNotifier::ready(const std::string& status) {
    if (ready_) return;
    ready_ = true;
    sd_notifyf(0, "READY=1\nSTATUS=%s", status.c_str());
}

void ServiceNotifier::frame(double now) {
    if (watchdog_s_ <= 0 || now - last_kick_ < watchdog_s_ / 4) return;
    last_kick_ = now;
    sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::status(const std::string& status) { sd_notifyf(0, "STATUS=%s", status.c_str()); }

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1\nSTATUS=stopping"); }

}  // namespace kiosk
