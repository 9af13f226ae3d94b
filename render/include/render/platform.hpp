#pragma once
// The window and its context: SDL2 (fullscreen on a chosen display, or a window), an OpenGL 3.3
// core context with vsync, Dear ImGui 1.86 with its SDL2/OpenGL3 backends from the Debian package,
// the physical UI scale, touch input (fingers drive ImGui's pointer, gestures are recognised),
// an event loop that sleeps when nothing moves, screenshots, and the headless mode.
//
// Headless (`Mode::Headless`) asks SDL for its `offscreen` driver on purpose: a real GL context
// through Mesa (llvmpipe), no X or Wayland. In the other modes SDL's silent fallback to
// `offscreen` (or `dummy`) when no display exists is refused with a PlatformError that says so,
// instead of a black screen nobody sees.
//
// Rotation (config): the UI is laid out in its own orientation (e.g. portrait 1080x1920) and
// turned onto the panel at render time; touch coordinates are turned back.
//
// Thread rules: construct, use and destroy on one thread (the UI thread); only `Waker` may be used
// from other threads. One Platform per process (SDL and ImGui are process-wide).
// Errors: the constructor throws PlatformError with a message meant for an operator.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <imgui.h>

#include "render/fonts.hpp"
#include "render/gestures.hpp"
#include "render/metrics.hpp"
#include "render/pointer.hpp"
#include "render/ui.hpp"

struct SDL_Window;
union SDL_Event;

namespace render {

// Leak-checked runs (LeakSanitizer): Mesa's drivers, loaded by SDL through EGL, leak at exit
// and are unloaded before the report, so their frames cannot be named or suppressed
// (tests/render/lsan.supp). Keeping them loaded for the whole process lets the suppressions
// name them. Call first thing in main(); harmless where a library is missing.
void keep_gl_drivers_loaded();

class PlatformError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct PlatformConfig {
    enum class Mode { Windowed, Fullscreen, Headless };
    Mode mode = Mode::Windowed;
    int display = 0;                  // Fullscreen: which display
    int width = 1920, height = 1080;  // Windowed/Headless: UI size in px (after rotation)
    Rotation rotation = Rotation::R0;
    bool vsync = true;              // ignored headless (frames are not paced)
    float panel_diagonal_inch = 0;  // 0: ask SDL for the DPI, else assume 21.5"
    bool show_cursor = true;        // hidden in Fullscreen regardless
    std::string title = "Kiosk";
    // Kiosk mode: a request to close the window (Alt+F4, the compositor, the last window closed)
    // is ignored; only SIGINT or SIGTERM (which SDL turns into SDL_QUIT) stop the loop.
    bool ignore_close = false;
    // Windowed or Fullscreen on SDL's offscreen driver (which shows nothing) is refused unless
    // this is set: tests of the interactive loop without a display.
    bool allow_offscreen = false;
};

// Wakes a sleeping loop from any thread (posts an SDL user event). Cheap to copy.
struct Waker {
    std::uint32_t event_type = 0;
    void operator()() const;
};

class Platform {
  public:
    explicit Platform(const PlatformConfig& cfg);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    const Metrics& metrics() const { return metrics_; }
    ImVec2 ui_size() const { return ui_size_; }
    bool headless() const { return cfg_.mode == PlatformConfig::Mode::Headless; }
    const char* video_driver() const;
    std::string gl_renderer() const;
    // Seconds, monotonic: the real clock, or the one given to `set_clock`.
    double now() const;
    // Replaces the clock (headless scenario runs and tests: time advances only when the caller
    // says so, so long presses, flings and toasts do not depend on the machine's speed). An
    // empty function restores the real clock.
    void set_clock(std::function<double()> clock) { clock_ = std::move(clock); }
    Waker waker() const { return Waker{wake_event_}; }

    // Loads the fonts into ImGui's atlas (and the GL texture). Throws std::runtime_error.
    Fonts load_fonts(const FontPaths& paths = {}, const FontSizes& sizes = {});

    // Waits up to `timeout_s` for an event (< 0: until one arrives, 0: do not wait), then
    // drains the queue. Returns false once the window was asked to close.
    bool pump(double timeout_s);
    // How long the loop may sleep: combines `ui.idle_timeout()` with pending pointer
    // transitions and gesture deadlines (long press).
    double idle_timeout(const Ui& ui) const;

    // Starts a frame: backends, pointer, ImGui::NewFrame. Returns the input for Ui::begin_frame.
    FrameInput new_frame();
    // Finishes the CPU side of the frame (ImGui::Render: the draw lists). Optional: `render`
    // does it when not done yet; benchmarks call it to time the frame build without GL.
    void build_draw_data();
    // Ends the frame: ImGui::Render and GL drawing (cleared with `clear`). No buffer swap yet.
    void render(ImU32 clear);
    // Reads back what `render` drew (call before `present`); RGBA rows top to bottom.
    std::vector<std::uint8_t> read_pixels(int* width, int* height) const;
    // Writes what `render` drew to a PNG. False (and `error`) on failure.
    bool screenshot(const std::string& path, std::string* error = nullptr) const;
    // Shows the frame (swap buffers, vsync).
    void present();

    // Synthetic input (scenario scripts, tests): goes through the same path as SDL events.
    void inject(const PointerEvent& e);
    // A finger tap at `pos` (down and up now; the pointer layer spreads it over frames). With
    // ElementRegistry::find this taps an element by id.
    void inject_tap(ImVec2 pos);
    // Physical keystrokes as a USB scanner sends them: each character of `text`, then Enter
    // when `enter`. They reach FrameInput::keys like real SDL key events.
    void inject_keys(const std::string& text, bool enter);
    // A navigation key (Tab, an arrow, Escape, the speech key) as the keypad sends it.
    void inject_nav(NavKey key);

  private:
    void handle(const SDL_Event& e);
    void handle_pointer(const PointerEvent& p);
    void rotate_draw_data();

    PlatformConfig cfg_;
    SDL_Window* window_ = nullptr;
    void* gl_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    bool backends_ = false;
    bool device_objects_ = false;  // the GL backend's shaders and buffers exist
    Metrics metrics_;
    ImVec2 ui_size_, window_size_;
    std::uint32_t wake_event_ = 0;
    bool quit_ = false;
    bool built_ = false;
    GestureRecognizer gestures_;
    PointerFeed pointer_;
    std::vector<Gesture> pending_;
    std::vector<KeyStroke> keys_;
    std::function<double()> clock_;
    bool pressed_ = false;
    std::int64_t press_pointer_ = 0;
    std::uint32_t press_seq_ = 0;
    ImVec2 press_pos_, pointer_pos_;
};

}  // namespace render
