// Fuzz target: load_script, the reader of the headless runner's scenario scripts (JSON), with the
// input as the script file. Then each accepted step's arguments are copied and dumped, as the
// runner's log line does. Properties: never crashes or throws; an accepted script has a viewport
// within 320..8000 pixels and a list of steps, each an object naming a known kind, and nests no
// deeper than the project's JSON limit (kMaxJsonDepth: copying or dumping a deeper one recurses
// once per level and can overflow the stack).
#include <cstdint>
#include <string>

#include "fuzz_json.hpp"
#include "fuzz_support.hpp"
#include "catalog_client/json_bounded.hpp"
#include "kiosk/script.hpp"

namespace {
const char* const kKinds[] = {"tap",    "type",      "scan",       "drag",  "wait",
                              "expect", "advance_s", "screenshot", "audit", "frames"};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = fuzz::scratch_file(data, size, ".json");
    kiosk::Script script;
    if (auto error = kiosk::load_script(path, script)) {
        FUZZ_CHECK(error->find(path) != std::string::npos,
                   "an error that does not name the file: " + *error);
        return 0;
    }
    FUZZ_CHECK(script.width >= 320 && script.width <= 8000 && script.height >= 320 &&
                   script.height <= 8000,
               "viewport");
    FUZZ_CHECK(script.steps.is_array(), "steps is not a list");
    const std::size_t depth = fuzz::nesting_depth(script.steps) + 1;  // + the script's object
    FUZZ_CHECK(depth <= catalog_client::kMaxJsonDepth,
               "a script nesting " + std::to_string(depth) + " levels was accepted");
    for (const nlohmann::json& step : script.steps) {
        FUZZ_CHECK(step.is_object(), "a step that is not an object");
        const char* kind = nullptr;
        for (const char* k : kKinds)
            if (!kind && step.contains(k)) kind = k;
        FUZZ_CHECK(kind != nullptr, "a step of no known kind");
        nlohmann::json line = {{"kind", kind}, {"ok", true}};
        line["args"] = step[kind];
        try {
            (void)line.dump();
        } catch (const nlohmann::json::exception& e) {
            FUZZ_CHECK(false, std::string("a step's arguments cannot be logged: ") + e.what());
        }
    }
    return 0;
}
