#pragma once
// Scripted headless runs: `kiosk --headless --script FILE --out DIR` drives the real app with a
// JSON script {"viewport":[W,H], "steps":[...]} (steps: tap, type, scan, drag, wait, expect,
// advance_s, screenshot, audit, language; see kiosk/README.md), writes the screenshots and
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
};

// Reads and checks a script file; error message naming the step on failure.
std::optional<std::string> load_script(const std::string& path, Script& out);
// Runs the steps; returns 0 when every step passed, 1 at the first failure.
int run_script(App& app, const Script& script, const std::string& out_dir);

}  // namespace kiosk
