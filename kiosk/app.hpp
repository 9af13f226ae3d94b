#pragma once
// The kiosk application: owns the window (render::Platform), the UI context, the state, the
// screens' scratch, the translations and the Services (API, replica, outbox, workers). One per
// process, no globals. The frame: drain the inbox -> reduce -> tick -> input -> draw -> reduce
// what the screens emitted; effects go to the Services.
// Thread rules: construct, use and destroy on the UI thread; workers only post to the inbox.
// Errors: the constructor throws std::runtime_error with a message for the operator.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/config.hpp"
#include "kiosk/i18n.hpp"
#include "render/gl_textures.hpp"
#include "render/images.hpp"
#include "render/focus.hpp"
#include "render/platform.hpp"
#include "kiosk/scan.hpp"
#include "screens/screens.hpp"
#include "kiosk/service_notify.hpp"
#include "kiosk/services.hpp"
#include "kiosk/speech.hpp"
#include "kiosk/state.hpp"

namespace kiosk {

struct RunOptions {
    bool headless = false;
    bool windowed = false;      // a window instead of fullscreen (development)
    int width = 0, height = 0;  // UI size; 0: from the orientation
    bool manual_clock = false;  // scripted runs: time moves one frame (1/60 s) at a time, or when told
    std::string argv0;
    std::string speech_out;     // also record what speech says to this WAV file
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();  // process start
};

struct FrameTiming {
    std::string screen;
    double build_ms = 0;  // CPU time of the UI thread to build the frame (ImGui draw lists), no GL raster
    double wall_ms = 0;   // the same in wall time (longer when the thread waits for a core)
    // CPU time of each part: SDL events + NewFrame, the screen, end of frame, ImGui::Render.
    float input_ms = 0, draw_ms = 0, end_ms = 0, render_ms = 0;
};

class App {
  public:
    App(const KioskConfig& cfg, const RunOptions& opt);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // The interactive loop, until the window is closed (or SIGTERM). Returns the exit code.
    int run();

    // One frame without presenting it (scripted runs call render/present themselves).
    void frame();
    void render_and_present();
    void render_only();
    void present();

    void dispatch(const Action& a);
    // Scripted runs: moves the app clock and the wall clock forward.
    void advance(double seconds);
    // Runs frames until the workers, the inbox and the image pipeline are quiet, at most
    // `timeout_s` of real time. True when quiet.
    bool settle(double timeout_s);
    // Runs frames (waiting for the inbox between them) until `done()` or `timeout_s`.
    bool run_until(const std::function<bool()>& done, double timeout_s);

    render::Platform& platform() { return *platform_; }
    render::Ui& ui() { return *ui_; }
    const AppState& state() const { return state_; }
    Services& services() { return *services_; }
    double now() const { return platform_->now(); }
    std::int64_t wall_now() const;
    const std::vector<FrameTiming>& timings() const { return timings_; }
    void clear_timings() { timings_.clear(); }
    std::size_t image_bytes() const;
    // Seconds from process start to the first frame drawn with the catalogue ready (-1: not yet).
    double first_interactive_s() const { return first_interactive_s_; }
    // Everything speech output said (scripted runs log it per step), and a wait until the
    // speaker has said the last of it (at most `timeout_s`).
    const std::vector<std::string>& spoken() const { return spoken_; }
    bool drain_speech(double timeout_s);
    // The element the keypad focus is on (nullptr: none), and whether its ring is shown.
    const render::Element* keypad_focus() const { return focus_.focused(ui_->registry); }
    bool keypad_focus_shown() const { return focus_.shown(); }

  private:
    void apply(const Action& a);
    void apply_look();
    void load_logo();
    // Keypad and speech (app_access.cpp): keys before the frame is drawn, the focus ring and
    // what to say after it.
    void handle_keys(const std::vector<render::KeyStroke>& keys);
    void navigate(render::NavKey key);
    Action escape_action() const;
    void after_draw();
    void speak_frame();
    void speak(const std::string& text);

    KioskConfig cfg_;
    RunOptions opt_;
    I18n i18n_;
    AppState state_;
    Scratch scratch_;
    ScanDetector scan_;
    Inbox inbox_;
    double clock_ = 1000.0;           // manual clock
    double wall_offset_ = 0;          // advance() moves the wall clock too
    bool look_pending_ = true;
    bool trim_pending_ = false;  // a session ended: hand the heap's free pages back (frame())
    std::unique_ptr<render::Platform> platform_;
    std::unique_ptr<render::Ui> ui_;
    render::GlTextureBackend textures_;
    std::unique_ptr<render::ImagePipeline> images_;
    std::unique_ptr<Services> services_;
    ImTextureID logo_ = nullptr;
    ImVec2 logo_size_;
    std::vector<Action> emitted_;
    std::vector<FrameTiming> timings_;
    double first_interactive_s_ = -1;
    ServiceNotifier notifier_;  // systemd: READY=1 after the first frame, WATCHDOG=1 every frame

    render::KeypadFocus focus_;
    Screen focus_screen_ = Screen::Attract;
    std::unique_ptr<Speaker> speaker_;  // made when speech is first turned on
    std::vector<std::string> spoken_;
    struct Said {  // what speech has said of the screen so far
        Screen screen = Screen::Attract;
        int layer = -2;
        std::string language;
        bool speech = false;     // speech was on at the last frame
        bool pending = false;    // the screen's announcement waits for its content
        double since = 0;
        std::string partial;     // an announcement made before the content came (after 3 s)
        std::uint64_t moves = 0;  // KeypadFocus::moves already said
        std::string focus_text;   // how the focused element was described
        std::vector<std::string> alerts;
        double notice_at = -1;
        int idle_seconds = -1;
    } said_;
};

}  // namespace kiosk
