#pragma once
// The kiosk as a systemd service (Type=notify): READY=1 once the first frame is on screen,
// WATCHDOG=1 from the frame loop so that a UI thread that hangs stops feeding the watchdog and
// systemd kills and restarts the kiosk (WatchdogSec=), STATUS= lines for `systemctl status`,
// STOPPING=1 on the way out. Without systemd ($NOTIFY_SOCKET unset) every call does nothing.
// UI thread only.

#include <string>

namespace kiosk {

class ServiceNotifier {
public:
    ServiceNotifier();  // reads $WATCHDOG_USEC (and $WATCHDOG_PID) through sd_watchdog_enabled

    // Sent once: READY=1 with a status line.
    void ready(const std::string& status);
    // Called every frame with a monotonic time in seconds: WATCHDOG=1, at most every quarter
    // of the watchdog interval.
    void frame(double now);
    void status(const std::string& status);
    void stopping();

    // The longest the frame loop may sleep and still feed the watchdog in time: a third of the
    // interval, or < 0 without a watchdog.
    double max_sleep_s() const { return watchdog_s_ > 0 ? watchdog_s_ / 3 : -1; }
    double watchdog_s() const { return watchdog_s_; }

private:
    double watchdog_s_ = 0;
    double last_kick_ = -1e18;
    bool ready_ = false;
};

}  // namespace kiosk
