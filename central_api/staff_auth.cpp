#include "central_api/staff_auth.hpp"

#include <algorithm>

namespace central_api {

std::int64_t lock_remaining(const LockoutState& state, std::int64_t now) {
    return std::max<std::int64_t>(0, state.locked_until - now);
}

LockoutState after_wrong_pin(LockoutState state, std::int64_t now) {
    state.failures += 1;
    if (state.failures >= kFreeAttempts) {
        state.level += 1;
        std::int64_t delay = kFirstLockS;
        for (int i = 1; i < state.level && delay < kMaxLockS; ++i) delay *= 2;
        state.locked_until = now + std::min(delay, kMaxLockS);
        state.failures = kFreeAttempts - 1;  // the next wrong PIN locks again, for longer
    }
    return state;
}

}  // namespace central_api
