// The scenario runner of headless runs.
#include "kiosk/script.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/app.hpp"
#include "catalog_client/json_bounded.hpp"
#include "render/gestures.hpp"

namespace kiosk {

using nlohmann::json;

namespace {

const char* const kKinds[] = {"tap", "long_press", "type", "scan", "key", "drag", "wait", "expect", "advance_s", "screenshot", "audit", "frames", "probe"};

// The keys a `key` step presses (a USB keypad or keyboard).
struct NamedKey {
    const char* name;
    render::NavKey nav;  // None: Enter
};
const NamedKey kKeys[] = {{"tab", render::NavKey::Next},     {"shift_tab", render::NavKey::Prev},
                          {"up", render::NavKey::Up},        {"down", render::NavKey::Down},
                          {"left", render::NavKey::Left},    {"right", render::NavKey::Right},
                          {"escape", render::NavKey::Back},  {"speech", render::NavKey::Speech},
                          {"enter", render::NavKey::None}};

const NamedKey* named_key(const std::string& name) {
    for (const NamedKey& k : kKeys)
        if (name == k.name) return &k;
    return nullptr;
}

constexpr double kLongPressS = 2.1;  // a long_press step holds this long (the logo needs 2 s)

std::string kind_of(const json& step) {
    if (!step.is_object()) return "";
    for (const char* k : kKinds)
        if (step.contains(k)) return k;
    return "";
}

const render::Element* visible_element(App& app, const std::string& id) {
    const render::Element* e = app.ui().registry.find(id);
    if (!e || e->visible.empty()) return nullptr;
    // Hidden under a modal: only the top layer is reachable.
    if (e->layer < app.ui().registry.top_layer()) return nullptr;
    return e;
}

bool drag(App& app, const json& d, std::string& error);

// Like a person would, scrolls an element that is on the screen but scrolled out of view into
// view (a slow drag in its column, no fling), a few times at most.
// A grid draws only the rows in view: `grid.item.N` far down is not registered until the grid is
// scrolled near it. Drags the grid towards N until it is on screen.
void scroll_grid_to(App& app, const std::string& id) {
    const std::string prefix = "grid.item.";
    if (id.compare(0, prefix.size(), prefix) != 0) return;
    const long want = std::strtol(id.c_str() + prefix.size(), nullptr, 10);
    const float h = app.platform().ui_size().y;
    for (int attempt = 0; attempt < 200 && !app.ui().registry.find(id); ++attempt) {
        long lo = -1, hi = -1;
        float x = 0, top = h, bottom = 0;
        for (const render::Element* e : app.ui().registry.with_prefix(prefix)) {
            const long n = std::strtol(e->id.c_str() + prefix.size(), nullptr, 10);
            if (lo < 0 || n < lo) lo = n;
            if (n > hi) hi = n;
            x = e->rect.cx();
            top = std::min(top, e->visible.empty() ? top : e->visible.y);
            bottom = std::max(bottom, e->visible.empty() ? bottom : e->visible.bottom());
        }
        if (lo < 0 || bottom <= top) return;  // no grid on screen
        const float span = (bottom - top) * 0.8f;
        const float mid = (top + bottom) * 0.5f;
        std::string ignored;
        const float dy = want > hi ? -span : span;
        drag(app, json{{"from", {x, mid - dy / 2}}, {"to", {x, mid + dy / 2}}, {"ms", 400}, {"hold_ms", 200}}, ignored);
        app.settle(1.0);
    }
}

void scroll_into_view(App& app, const std::string& id) {
    scroll_grid_to(app, id);
    const float h = app.platform().ui_size().y;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const render::Element* e = app.ui().registry.find(id);
        if (!e || !e->visible.empty() || e->layer < app.ui().registry.top_layer()) return;
        const float target = h * 0.35f;
        float shift = e->rect.cy() - target;
        shift = std::max(-h * 0.25f, std::min(h * 0.25f, shift));
        const float x = e->rect.cx();
        const float y = h * 0.35f;
        std::string ignored;
        drag(app, json{{"from", {x, y}}, {"to", {x, y - shift}}, {"ms", 600}, {"hold_ms", 200}}, ignored);
        app.settle(1.0);
    }
}

bool tap(App& app, const std::string& id, std::string& error) {
    scroll_into_view(app, id);
    const render::Element* e = visible_element(app, id);
    if (!e) {
        const render::Element* any = app.ui().registry.find(id);
        error = any ? "element \"" + id + "\" is not reachable (scrolled away or under an overlay)"
                    : "element \"" + id + "\" is not on screen \"" + screen_name(app.state().screen) + "\"";
        return false;
    }
    if (!e->enabled) {
        error = "element \"" + id + "\" is disabled";
        return false;
    }
    app.platform().inject_tap(ImVec2(e->visible.cx(), e->visible.cy()));
    for (int i = 0; i < 4; ++i) {
        app.frame();
        app.render_and_present();
    }
    return true;
}

// Presses the element, holds it still for 2 s of the app clock, and releases it.
bool long_press(App& app, const std::string& id, std::string& error) {
    scroll_into_view(app, id);
    const render::Element* e = visible_element(app, id);
    if (!e) {
        error = "element \"" + id + "\" is not reachable on screen \"" + screen_name(app.state().screen) + "\"";
        return false;
    }
    render::PointerEvent p;
    p.pointer = 0x10C9;
    p.touch = true;
    p.kind = render::PointerEvent::Kind::Down;
    p.pos = ImVec2(e->visible.cx(), e->visible.cy());
    p.t = app.now();
    app.platform().inject(p);
    const double until = app.now() + kLongPressS;
    while (app.now() < until) {
        app.frame();
        app.render_and_present();
    }
    p.kind = render::PointerEvent::Kind::Up;
    p.t = app.now();
    app.platform().inject(p);
    for (int i = 0; i < 4; ++i) {
        app.frame();
        app.render_and_present();
    }
    return true;
}

// The registry id of the on-screen key that types `ch` (lower case), and whether shift is needed.
std::string key_id(const std::string& ch, bool& upper) {
    upper = false;
    if (ch == " ") return "osk.key.space";
    if (ch == "@") return "osk.key.at";
    if (ch == ",") return "osk.key.comma";
    if (ch == ".") return "osk.key.dot";
    if (ch == "-") return "osk.key.dash";
    if (ch == "'") return "osk.key.apostrophe";
    if (ch.size() == 1 && ch[0] >= 'A' && ch[0] <= 'Z') {
        upper = true;
        return "osk.key." + std::string(1, static_cast<char>(ch[0] - 'A' + 'a'));
    }
    return "osk.key." + ch;
}

bool type_text(App& app, const std::string& text, std::string& error) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        const std::string ch = text.substr(i, n);
        i += n;
        bool upper = false;
        const std::string id = key_id(ch, upper);
        const bool digit = ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9';
        // Digits and letters live on different layouts: switch when the key is not shown.
        if (!visible_element(app, id)) {
            const char* toggle = digit ? "osk.key.123" : "osk.key.abc";
            if (visible_element(app, toggle) && !tap(app, toggle, error)) return false;
        }
        if (!visible_element(app, id)) {
            error = "cannot type \"" + ch + "\": no key \"" + id + "\" on the on-screen keyboard";
            return false;
        }
        // Shift only when the keys do not already show capitals (a name field starts with them).
        const render::Element* key = visible_element(app, id);
        const bool showing_upper = key && !key->label.empty() && key->label[0] >= 'A' && key->label[0] <= 'Z';
        if (upper != showing_upper && key && key->label.size() == 1 &&
            ((key->label[0] >= 'a' && key->label[0] <= 'z') || (key->label[0] >= 'A' && key->label[0] <= 'Z')) &&
            !tap(app, "osk.key.shift", error))
            return false;
        if (!tap(app, id, error)) return false;
    }
    return true;
}

bool drag(App& app, const json& d, std::string& error) {
    if (!d.is_object() || !d.contains("from") || !d.contains("to")) {
        error = "drag needs {\"from\":[x,y],\"to\":[x,y],\"ms\":N}";
        return false;
    }
    const ImVec2 from(d["from"][0].get<float>(), d["from"][1].get<float>());
    const ImVec2 to(d["to"][0].get<float>(), d["to"][1].get<float>());
    const int ms = d.value("ms", 300);
    const int steps = std::max(2, ms / 16);
    render::PointerEvent e;
    e.pointer = 0x5C818;
    e.touch = true;
    e.kind = render::PointerEvent::Kind::Down;
    e.pos = from;
    e.t = app.now();
    app.platform().inject(e);
    for (int i = 1; i <= steps; ++i) {
        app.frame();
        app.render_and_present();
        const float k = static_cast<float>(i) / steps;
        e.kind = render::PointerEvent::Kind::Move;
        e.pos = ImVec2(from.x + (to.x - from.x) * k, from.y + (to.y - from.y) * k);
        e.t = app.now();
        app.platform().inject(e);
    }
    // Holding still before lifting: no fling (scrolling into view must land where it aims).
    for (int i = 0; i < d.value("hold_ms", 0) / 16; ++i) {
        app.frame();
        app.render_and_present();
        e.kind = render::PointerEvent::Kind::Move;
        e.t = app.now();
        app.platform().inject(e);
    }
    e.kind = render::PointerEvent::Kind::Up;
    e.t = app.now();
    app.platform().inject(e);
    for (int i = 0; i < 3; ++i) {
        app.frame();
        app.render_and_present();
    }
    return true;
}

std::vector<std::string> as_list(const json& v) {
    std::vector<std::string> out;
    if (v.is_string()) out.push_back(v.get<std::string>());
    if (v.is_array())
        for (const auto& x : v)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

// Checks {"screen", "visible", "absent", "text", "no_text", "focused", "spoken"}; empty string
// when it holds. "spoken": something speech output said since the start contains the text.
std::string check(App& app, const json& want) {
    if (!want.is_object()) return "expects an object";
    const std::string screen = screen_name(app.state().screen);
    if (want.contains("focused") && want["focused"].is_string()) {
        const render::Element* f = app.keypad_focus();
        if (!f || f->id != want["focused"].get<std::string>())
            return "the keypad focus is on \"" + (f ? f->id : std::string("nothing")) + "\", expected \"" +
                   want["focused"].get<std::string>() + "\"";
    }
    for (const std::string& needle : as_list(want.value("spoken", json()))) {
        const auto& said = app.spoken();
        if (std::none_of(said.begin(), said.end(), [&](const std::string& s) { return s.find(needle) != std::string::npos; }))
            return "speech did not say \"" + needle + "\"";
    }
    if (want.contains("screen") && want["screen"].is_string() && want["screen"].get<std::string>() != screen)
        return "screen is \"" + screen + "\", expected \"" + want["screen"].get<std::string>() + "\"";
    for (const std::string& id : as_list(want.value("visible", json())))
        if (!visible_element(app, id)) return "\"" + id + "\" is not visible on \"" + screen + "\"";
    for (const std::string& id : as_list(want.value("absent", json())))
        if (visible_element(app, id)) return "\"" + id + "\" is visible on \"" + screen + "\"";
    for (const std::string& needle : as_list(want.value("text", json()))) {
        bool found = false;
        for (const render::Element* e : app.ui().registry.visible())
            found |= e->label.find(needle) != std::string::npos;
        if (!found) return "no visible text contains \"" + needle + "\"";
    }
    for (const std::string& needle : as_list(want.value("no_text", json())))
        for (const render::Element* e : app.ui().registry.visible())
            if (e->label.find(needle) != std::string::npos)
                return "\"" + e->id + "\" shows \"" + needle + "\" on \"" + screen + "\"";
    return "";
}

}  // namespace

namespace {

bool point(const json& v) {
    return v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number() && std::abs(v[0].get<double>()) < 1e5 &&
           std::abs(v[1].get<double>()) < 1e5;
}

bool int_in(const json& v, long long lo, long long hi) {
    return v.is_number_integer() && v.get<long long>() >= lo && v.get<long long>() <= hi;
}

bool ids(const json& v) {
    if (v.is_string()) return true;
    if (!v.is_array()) return false;
    return std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); });
}

// What `expect` and `wait` accept: {"screen", "visible", "absent", "text", "no_text", "focused", "spoken"}.
std::string check_condition(const json& want) {
    if (!want.is_object()) return "must be an object with screen, visible, absent, text, no_text, focused or spoken";
    for (const char* k : {"screen", "focused"})
        if (want.contains(k) && !want[k].is_string()) return std::string("\"") + k + "\" must be a string";
    for (const char* k : {"visible", "absent", "text", "no_text", "spoken"})
        if (want.contains(k) && !ids(want[k])) return std::string("\"") + k + "\" must be a string or a list of strings";
    return "";
}

// A screenshot name: a relative path inside the output directory.
bool safe_name(const std::string& name) {
    if (name.empty() || name.size() > 200 || name[0] == '/') return false;
    for (const auto& part : std::filesystem::path(name)) if (part == "..") return false;
    return true;
}

}  // namespace

std::string check_step(const json& step) {
    const std::string kind = kind_of(step);
    if (kind.empty())
        return "is not one of tap, long_press, type, scan, key, drag, wait, expect, advance_s, screenshot, audit, frames, probe";
    const json& arg = step[kind];
    std::string why;
    if (kind == "tap" || kind == "long_press" || kind == "type" || kind == "scan") {
        if (!arg.is_string() || arg.get<std::string>().size() > 4096) why = "needs a string";
    } else if (kind == "key") {
        if (!arg.is_string() || !named_key(arg.get<std::string>()))
            why = "needs one of tab, shift_tab, up, down, left, right, enter, escape, speech";
    } else if (kind == "drag") {
        if (!arg.is_object() || !point(arg.value("from", json())) || !point(arg.value("to", json())))
            why = "needs {\"from\":[x,y],\"to\":[x,y]}";
        else if ((arg.contains("ms") && !int_in(arg["ms"], 0, 60000)) || (arg.contains("hold_ms") && !int_in(arg["hold_ms"], 0, 60000)))
            why = "ms and hold_ms must be whole milliseconds up to 60000";
    } else if (kind == "wait" || kind == "expect") {
        why = check_condition(arg);
        if (why.empty() && step.contains("timeout_ms") && !int_in(step["timeout_ms"], 0, 600000))
            why = "timeout_ms must be whole milliseconds up to 600000";
    } else if (kind == "advance_s") {
        if (!arg.is_number() || arg.get<double>() < 0 || arg.get<double>() > 1e6) why = "needs seconds (0 to 1000000)";
    } else if (kind == "frames") {
        if (!int_in(arg, 0, 100000)) why = "needs a number of frames (0 to 100000)";
    } else if (kind == "screenshot") {
        if (!arg.is_string() || !safe_name(arg.get<std::string>())) why = "needs a relative file name inside the output directory";
    }
    if (why.empty() && step.contains("settle") && !step["settle"].is_boolean()) why = "settle must be true or false";
    return why.empty() ? why : "(" + kind + ") " + why;
}

std::optional<std::string> load_script(const std::string& path, Script& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read the script " + path;
    std::string text;
    text.resize(kMaxScriptBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScriptBytes) return path + ": larger than " + std::to_string(kMaxScriptBytes / 1024) + " KB";
    const catalog_client::BoundedJson parsed = catalog_client::parse_json_bounded(text, 16);
    if (!parsed.ok()) return path + ": " + parsed.message;
    const json& doc = parsed.doc;
    if (!doc.is_object()) return path + ": not a JSON object";
    if (doc.contains("viewport")) {
        const json& v = doc["viewport"];
        if (!v.is_array() || v.size() != 2 || !int_in(v[0], 320, 8000) || !int_in(v[1], 320, 8000))
            return path + ": viewport must be [width, height] in pixels (320 to 8000)";
        out.width = v[0].get<int>();
        out.height = v[1].get<int>();
    }
    if (doc.contains("settle")) {
        if (!doc["settle"].is_boolean()) return path + ": settle must be true or false";
        out.settle_at_start = doc["settle"].get<bool>();
    }
    if (doc.contains("repeat")) {
        if (!int_in(doc["repeat"], 1, 100000)) return path + ": repeat must be a number of rounds (1 to 100000)";
        out.repeat = doc["repeat"].get<int>();
    }
    if (!doc.contains("steps") || !doc["steps"].is_array()) return path + ": \"steps\" must be a list";
    for (std::size_t i = 0; i < doc["steps"].size(); ++i)
        if (const std::string why = check_step(doc["steps"][i]); !why.empty())
            return path + ": step " + std::to_string(i + 1) + " " + why;
    out.steps = doc["steps"];
    return std::nullopt;
}

namespace {

// What a soak run watches: resident memory, threads and open files of this process (Linux).
json process_probe() {
    json out = json::object();
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) out["rss_kb"] = std::atoll(line.c_str() + 6);
        if (line.rfind("VmHWM:", 0) == 0) out["peak_rss_kb"] = std::atoll(line.c_str() + 6);
        if (line.rfind("Threads:", 0) == 0) out["threads"] = std::atoll(line.c_str() + 8);
    }
    std::error_code ec;
    long fds = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        ++fds;
    out["open_files"] = fds;
    return out;
}

constexpr double kStartS = 900;   // first start: the first sync of a large catalogue
constexpr double kSettleS = 60;  // after a step

std::string busy_error(double seconds) {
    return "the kiosk was still busy " + std::to_string(static_cast<int>(seconds)) +
           " s later (workers, network calls or image decoding did not finish)";
}
}  // namespace

int run_script(App& app, const Script& script, const std::string& out_dir) {
    std::filesystem::create_directories(out_dir);
    std::ofstream log(out_dir + "/log.jsonl");
    // First frames: the app starts, the catalogue loads (a first sync of a large catalogue takes
    // minutes).
    if (script.settle_at_start && !app.settle(kStartS)) {
        log << json{{"step", 0}, {"kind", "start"}, {"ok", false}, {"error", busy_error(kStartS)}}.dump() << "\n";
        std::fprintf(stderr, "kiosk: the kiosk did not start: %s\n", busy_error(kStartS).c_str());
        return 1;
    }
    int index = 0;
    std::size_t spoken = app.spoken().size();
    for (int round = 1; round <= script.repeat; ++round, index = 0)
    for (const json& step : script.steps) {
        ++index;
        const std::string kind = kind_of(step);
        const auto start = std::chrono::steady_clock::now();
        std::string error = check_step(step);
        std::vector<std::string> audit_issues;
        bool ok = error.empty();
        // After an action the kiosk must go quiet (its workers and images idle) within a generous
        // bound; a step that leaves it busy longer fails, so an expect never races a result.
        // "settle": false skips that wait: a step taken while background work (a long sync) is
        // known to keep the kiosk busy.
        const bool settle = !step.contains("settle") || step["settle"].get<bool>();
        auto settled = [&] {
            if (!ok || !settle || app.settle(kSettleS)) return;
            ok = false;
            error = busy_error(kSettleS);
        };
        if (!ok) {
        } else if (kind == "tap") {
            ok = tap(app, step["tap"].get<std::string>(), error);
            settled();
        } else if (kind == "long_press") {
            ok = long_press(app, step["long_press"].get<std::string>(), error);
            settled();
        } else if (kind == "type") {
            ok = type_text(app, step["type"].get<std::string>(), error);
            settled();
        } else if (kind == "scan") {
            app.platform().inject_keys(step["scan"].get<std::string>(), true);
            app.frame();
            app.render_and_present();
            settled();
        } else if (kind == "key") {
            const NamedKey* k = named_key(step["key"].get<std::string>());
            if (k->nav == render::NavKey::None) app.platform().inject_keys("", true);
            else app.platform().inject_nav(k->nav);
            for (int i = 0; i < 4; ++i) {  // Enter taps the focused control: the tap takes a few frames
                app.frame();
                app.render_and_present();
            }
            settled();
        } else if (kind == "drag") {
            ok = drag(app, step["drag"], error);
            settled();
        } else if (kind == "wait") {
            const double timeout = step.value("timeout_ms", 5000) / 1000.0;
            const json want = step["wait"];
            ok = app.run_until([&] { return check(app, want).empty(); }, timeout);
            if (!ok) error = "timed out after " + std::to_string(step.value("timeout_ms", 5000)) + " ms: " + check(app, want);
        } else if (kind == "expect") {
            app.frame();
            app.render_and_present();
            error = check(app, step["expect"]);
            ok = error.empty();
        } else if (kind == "advance_s") {
            app.advance(step["advance_s"].get<double>());
            app.frame();
            app.render_and_present();
            settled();
        } else if (kind == "frames") {
            for (int i = 0; i < step["frames"].get<int>(); ++i) {
                app.frame();
                app.render_and_present();
            }
        } else if (kind == "screenshot" || kind == "audit") {
            settled();
            app.frame();
            app.render_only();
            if (kind == "screenshot") {
                std::string err;
                const std::string path = out_dir + "/" + step["screenshot"].get<std::string>();
                std::filesystem::create_directories(std::filesystem::path(path).parent_path());
                if (!app.platform().screenshot(path, &err)) {
                    ok = false;
                    error = "screenshot " + path + ": " + err;
                }
            }
            app.present();
            // A screenshot lists what the audit finds (for people looking at it); an audit step fails on it.
            for (const render::AuditIssue& i : app.ui().registry.audit(app.ui().metrics.min_tap()))
                audit_issues.push_back(i.id + (i.other.empty() || i.other == i.id ? "" : " / " + i.other) + ": " + i.message);
            if (kind == "audit" && !audit_issues.empty()) {
                ok = false;
                error = std::to_string(audit_issues.size()) + " audit issue(s), the first: " + audit_issues.front();
            }
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        json line = {{"step", index}, {"kind", kind}, {"ok", ok}, {"screen", screen_name(app.state().screen)},
                     {"ms", static_cast<int>(ms)}};
        if (script.repeat > 1) line["round"] = round;
        if (kind == "probe") line["process"] = process_probe();
        line["args"] = step[kind];
        if (!ok) line["error"] = error;
        if (!audit_issues.empty()) line["audit"] = audit_issues;
        if (app.spoken().size() > spoken) {
            line["spoken"] = std::vector<std::string>(app.spoken().begin() + static_cast<std::ptrdiff_t>(spoken), app.spoken().end());
            spoken = app.spoken().size();
        }
        log << line.dump() << "\n";
        log.flush();
        if (!ok) {
            std::fprintf(stderr, "kiosk: script step %d (%s) failed: %s\n", index, kind.c_str(), error.c_str());
            return 1;
        }
    }
    app.drain_speech(30);  // the recording (--speech-out) holds the last words
    return 0;
}

}  // namespace kiosk
