#pragma once
// Scripted headless runs: `kiosk --headless --script FILE --out DIR` drives the real app with a
// JSON script {"viewport":[W,H], "repeat":N, "steps":[...]} (steps: tap, type, scan, drag, wait,
// expect, advance_s, screenshot, audit, frames, probe; see kiosk/README.md), writes the screenshots and
// DIR/log.jsonl (one line per step with its outcome) and stops at the first failed step.
// UI thread. Errors: a malformed script is reported before the app starts.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk {

class App;

struct Script {
    int width = 1920, height = 1080;
    nlohmann::json steps = nlohmann::json::array();
    int repeat = 1;  // rounds of `steps` (soak runs)
    // Wait for the kiosk to go quiet before the first step (false: the kiosk is known to be busy
    // in the background, e.g. a held-up sync, and the script acts at once).
    bool settle_at_start = true;
};

inline constexpr std::size_t kMaxScriptBytes = 1024 * 1024;

// Checks one step's kind and arguments; empty when it is well formed, else why not.
std::string check_step(const nlohmann::json& step);
// Reads and checks a script file (at most 1 MiB, nesting 16); error message naming the step.
std::optional<std::string> load_script(const std::string& path, Script& out);
// Runs the steps; returns 0 when every step passed, 1 at the first failure.
int run_script(App& app, const Script& script, const std::string& out_dir);

}  // namespace kiosk
