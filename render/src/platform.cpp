#include "render/platform.hpp"

#include <SDL.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <dlfcn.h>

#include <cfloat>
#include <cmath>
#include <cstring>

#include "render/screenshot.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

namespace render {

void keep_gl_drivers_loaded() {
    for (const char* lib : {"libEGL.so.1", "libEGL_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
        dlopen(lib, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
}
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw PlatformError(what + (SDL_GetError()[0] ? std::string(": ") + SDL_GetError() : ""));
}

bool sideways(Rotation r) {
    return r == Rotation::R90 || r == Rotation::R270;
}

}  // namespace

void Waker::operator()() const {
    if (event_type == 0) return;
    SDL_Event e;
    SDL_zero(e);
    e.type = event_type;
    SDL_PushEvent(&e);  // thread-safe
}

Platform::Platform(const PlatformConfig& cfg) : cfg_(cfg) {
    const bool headless = cfg.mode == PlatformConfig::Mode::Headless;
    if (headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // we translate fingers ourselves
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // Closing the last window must not mean "quit": in kiosk mode only a signal does.
    if (cfg.ignore_close) SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        fail(
            "no display available (SDL could not start its video subsystem; set DISPLAY or "
            "WAYLAND_DISPLAY, or run with --headless)");
    const char* driver = SDL_GetCurrentVideoDriver();
    if (!headless && !cfg.allow_offscreen && driver &&
        (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0)) {
        SDL_Quit();
        throw PlatformError(std::string("no display available: SDL fell back to its '") + driver +
                            "' driver, which shows nothing. Start the kiosk inside a Wayland or "
                            "X11 session (check DISPLAY / WAYLAND_DISPLAY), or use --headless.");
    }
    wake_event_ = SDL_RegisterEvents(1);

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    int w = cfg.width, h = cfg.height;
    if (sideways(cfg.rotation)) std::swap(w, h);  // the window is the panel
    float diag_dpi = 0.0f;
    if (cfg.mode == PlatformConfig::Mode::Fullscreen) {
        const int n = SDL_GetNumVideoDisplays();
        if (cfg.display < 0 || cfg.display >= n) {
            SDL_Quit();
            throw PlatformError("display " + std::to_string(cfg.display) + " does not exist (" +
                                std::to_string(n) + " display(s) found)");
        }
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(cfg.display, &mode) != 0) fail("cannot read display mode");
        w = mode.w;
        h = mode.h;
        x = y = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(cfg.display));
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_GetDisplayDPI(cfg.display, &diag_dpi, nullptr, nullptr);
    }
    window_ = SDL_CreateWindow(cfg.title.c_str(), x, y, w, h, flags);
    if (!window_) fail("cannot create the window");
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) fail("cannot create an OpenGL 3.3 core context");
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(cfg.vsync && !headless ? 1 : 0);
    SDL_GetWindowSize(window_, &w, &h);
    window_size_ = ImVec2(static_cast<float>(w), static_cast<float>(h));
    ui_size_ = sideways(cfg.rotation) ? ImVec2(window_size_.y, window_size_.x) : window_size_;
    if (cfg.mode == PlatformConfig::Mode::Fullscreen || !cfg.show_cursor)
        SDL_ShowCursor(SDL_DISABLE);

    // UI scale: a configured diagonal wins, then SDL's DPI, then a 21.5" panel.
    const Metrics by_panel = metrics_for_panel(w, h, cfg.panel_diagonal_inch);
    metrics_ = cfg.panel_diagonal_inch > 0 ? by_panel : metrics_for_dpi(diag_dpi, by_panel);
    GestureConfig gc;
    gc.slop = std::max(8.0f, metrics_.mm(2.5f));
    gc.double_tap_slop = metrics_.mm(10.0f);
    gc.swipe_min_distance = metrics_.mm(15.0f);
    gc.fling_min_speed = metrics_.mm(40.0f);
    gc.swipe_min_speed = metrics_.mm(120.0f);
    gestures_.set_config(gc);

    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini next to the kiosk
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the loop awake
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    if (!ImGui_ImplSDL2_InitForOpenGL(window_, gl_)) fail("Dear ImGui SDL2 backend failed");
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui_ImplSDL2_Shutdown();
        fail("Dear ImGui OpenGL3 backend failed");
    }
    backends_ = true;
}

Platform::~Platform() {
    if (backends_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (imgui_) ImGui::DestroyContext(imgui_);
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

const char* Platform::video_driver() const {
    return SDL_GetCurrentVideoDriver();
}

std::string Platform::gl_renderer() const {
    const GLubyte* r = glGetString(GL_RENDERER);
    const GLubyte* v = glGetString(GL_VERSION);
    return std::string(r ? reinterpret_cast<const char*>(r) : "?") + " / " +
           (v ? reinterpret_cast<const char*>(v) : "?");
}

double Platform::now() const {
    if (clock_) return clock_();
    return static_cast<double>(SDL_GetPerformanceCounter()) /
           static_cast<double>(SDL_GetPerformanceFrequency());
}

Fonts Platform::load_fonts(const FontPaths& paths, const FontSizes& sizes) {
    Fonts f = render::load_fonts(*ImGui::GetIO().Fonts, metrics_, paths, sizes);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!device_objects_) {
        // Shaders and buffers now rather than in the first NewFrame: compiling them takes
        // ~15 ms on llvmpipe, which would otherwise land in the first frame.
        ImGui_ImplOpenGL3_CreateDeviceObjects();  // creates the fonts texture too
        device_objects_ = true;
    } else {
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    // The texture holds the atlas now: its pixels in memory (8 bits and the 32-bit copy made for
    // the upload) are not read again until the next load_fonts builds a new atlas.
    ImGui::GetIO().Fonts->ClearTexData();
    return f;
}

void Platform::handle_pointer(const PointerEvent& p) {
    if (p.kind == PointerEvent::Kind::Down && !pressed_) {
        pressed_ = true;
        press_pointer_ = p.pointer;
        ++press_seq_;
        press_pos_ = pointer_pos_ = p.pos;
    } else if (pressed_ && p.pointer == press_pointer_) {
        pointer_pos_ = p.pos;
        if (p.kind == PointerEvent::Kind::Up || p.kind == PointerEvent::Kind::Cancel)
            pressed_ = false;
    }
    gestures_.feed(p);
    pointer_.feed(p);
    for (Gesture& g : gestures_.take()) {
        if (g.type == GestureType::DragStart || g.type == GestureType::PinchStart)
            pointer_.capture();
        pending_.push_back(g);
    }
}

void Platform::inject(const PointerEvent& e) {
    handle_pointer(e);
}

void Platform::inject_tap(ImVec2 pos) {
    constexpr std::int64_t kScriptFinger = 0x5C817;  // not a real SDL finger id
    PointerEvent e;
    e.pointer = kScriptFinger;
    e.pos = pos;
    e.touch = true;
    e.t = now();
    e.kind = PointerEvent::Kind::Down;
    handle_pointer(e);
    e.kind = PointerEvent::Kind::Up;
    handle_pointer(e);
}

void Platform::inject_keys(const std::string& text, bool enter) {
    const double t = now();
    std::size_t i = 0;
    while (i < text.size()) {  // one keystroke per UTF-8 character
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        keys_.push_back(KeyStroke{text.substr(i, n), false, t});
        i += n;
    }
    if (enter) keys_.push_back(KeyStroke{std::string(), true, t});
}

void Platform::inject_nav(NavKey key) { keys_.push_back(KeyStroke{std::string(), false, now(), key}); }

void Platform::handle(const SDL_Event& e) {
    if (e.type == wake_event_) return;
    if (e.type == SDL_QUIT) {
        quit_ = true;
        return;
    }
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
        if (!cfg_.ignore_close) quit_ = true;
        return;
    }
    if (auto p = to_pointer_event(e, ui_size_, cfg_.rotation, now())) {
        handle_pointer(*p);
        return;
    }
    if (e.type == SDL_TEXTINPUT) {
        keys_.push_back(KeyStroke{std::string(e.text.text), false, now()});
    } else if (e.type == SDL_KEYDOWN && !e.key.repeat &&
               (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER)) {
        keys_.push_back(KeyStroke{std::string(), true, now()});
    } else if (e.type == SDL_KEYDOWN) {
        // Navigation keys repeat while held (a key held on a keypad walks the list); the speech
        // key does not.
        const bool shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
        NavKey nav = NavKey::None;
        switch (e.key.keysym.sym) {
            case SDLK_TAB: nav = shift ? NavKey::Prev : NavKey::Next; break;
            case SDLK_UP: nav = NavKey::Up; break;
            case SDLK_DOWN: nav = NavKey::Down; break;
            case SDLK_LEFT: nav = NavKey::Left; break;
            case SDLK_RIGHT: nav = NavKey::Right; break;
            case SDLK_ESCAPE: case SDLK_AC_BACK: nav = e.key.repeat ? NavKey::None : NavKey::Back; break;
            case SDLK_F2: case SDLK_KP_MULTIPLY: nav = e.key.repeat ? NavKey::None : NavKey::Speech; break;
            default: break;
        }
        if (nav != NavKey::None) keys_.push_back(KeyStroke{std::string(), false, now(), nav});
    }
    // Keyboard, text, wheel, window events: the stock backend.
    if (e.type != SDL_MOUSEBUTTONDOWN && e.type != SDL_MOUSEBUTTONUP && e.type != SDL_MOUSEMOTION)
        ImGui_ImplSDL2_ProcessEvent(&e);
}

bool Platform::pump(double timeout_s) {
    SDL_Event e;
    bool got = false;
    if (timeout_s < 0) {
        got = SDL_WaitEvent(&e) == 1;
    } else if (timeout_s > 0) {
        got = SDL_WaitEventTimeout(&e, std::max(1, static_cast<int>(std::ceil(timeout_s * 1e3))));
    } else {
        got = SDL_PollEvent(&e) == 1;
    }
    if (got) handle(e);
    while (SDL_PollEvent(&e)) handle(e);
    gestures_.update(now());
    for (Gesture& g : gestures_.take()) pending_.push_back(g);
    return !quit_;
}

double Platform::idle_timeout(const Ui& ui) const {
    if (pointer_.pending() || !pending_.empty() || !keys_.empty()) return 0.0;
    double t = ui.idle_timeout();
    const double deadline = gestures_.next_deadline();
    if (deadline >= 0) {
        const double until = std::max(0.0, deadline - now());
        t = t < 0 ? until : std::min(t, until);
    }
    return t;
}

FrameInput Platform::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (cfg_.rotation != Rotation::R0) {
        io.DisplaySize = ui_size_;
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    pointer_.apply(io);  // overrides the backend's polled mouse
    ImGui::NewFrame();
    built_ = false;
    FrameInput in;
    in.now = now();
    in.gestures.swap(pending_);
    in.keys.swap(keys_);
    in.pressed = pressed_;
    in.press_seq = press_seq_;
    in.press_pos = press_pos_;
    in.pointer_pos = pointer_pos_;
    in.pointer = &pointer_;
    return in;
}

void Platform::rotate_draw_data() {
    ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || cfg_.rotation == Rotation::R0) return;
    const ImVec2 ui = ui_size_;
    const auto map = [&](ImVec2 p) {
        switch (cfg_.rotation) {
            case Rotation::R90:
                return ImVec2(ui.y - p.y, p.x);
            case Rotation::R180:
                return ImVec2(ui.x - p.x, ui.y - p.y);
            case Rotation::R270:
                return ImVec2(p.y, ui.x - p.x);
            default:
                return p;
        }
    };
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        ImDrawList* l = dd->CmdLists[n];
        for (ImDrawVert& v : l->VtxBuffer) v.pos = map(v.pos);
        for (ImDrawCmd& c : l->CmdBuffer) {
            const ImVec2 a = map(ImVec2(c.ClipRect.x, c.ClipRect.y));
            const ImVec2 b = map(ImVec2(c.ClipRect.z, c.ClipRect.w));
            c.ClipRect = ImVec4(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                                std::max(a.y, b.y));
        }
    }
    dd->DisplayPos = ImVec2(0, 0);
    dd->DisplaySize = window_size_;
}

void Platform::build_draw_data() {
    if (built_) return;
    ImGui::Render();
    rotate_draw_data();
    built_ = true;
}

void Platform::render(ImU32 clear) {
    build_draw_data();
    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(window_, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear);
    glClearColor(c.x, c.y, c.z, c.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

std::vector<std::uint8_t> Platform::read_pixels(int* width, int* height) const {
    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(window_, &fw, &fh);
    *width = fw;
    *height = fh;
    return read_framebuffer(fw, fh);
}

bool Platform::screenshot(const std::string& path, std::string* error) const {
    int w = 0, h = 0;
    const std::vector<std::uint8_t> px = read_pixels(&w, &h);
    return write_png(path, px, w, h, error);
}

void Platform::present() {
    SDL_GL_SwapWindow(window_);
}

}  // namespace render
