#pragma once
// Staff PIN lockout: after 5 wrong PINs on one kiosk the kiosk is locked for 30 s; once locked,
// every further wrong PIN (after the lock ends) locks it again for twice as long, up to 1 hour.
// A right PIN resets everything. Pure functions of (state, time): tested without a server.

#include <cstdint>

namespace central_api {

struct LockoutState {
    int failures = 0;            // wrong PINs since the last success
    int level = 0;               // how many times the kiosk has been locked in a row
    std::int64_t locked_until = 0;
};

constexpr int kFreeAttempts = 5;
constexpr std::int64_t kFirstLockS = 30;
constexpr std::int64_t kMaxLockS = 3600;

// Seconds left on the lock at `now` (0 when not locked).
std::int64_t lock_remaining(const LockoutState& state, std::int64_t now);
// The state after a wrong PIN at `now`.
LockoutState after_wrong_pin(LockoutState state, std::int64_t now);

}  // namespace central_api
