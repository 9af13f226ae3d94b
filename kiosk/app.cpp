// The kiosk application: window, frame loop, look (large text, high contrast), effects.
#include "kiosk/app.hpp"

#include <filesystem>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <malloc.h>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "kiosk/reducer.hpp"
#include "render/theme.hpp"

namespace kiosk {

namespace {

// Between shoppers (a session just ended, the fonts rebuilt for the next one), the heap's free
// pages go back to the system: a session's parsed documents, search pages and decode buffers
// leave holes that glibc keeps (25 MB after 500 products at 1 000 000 products, deploy/bench.sh).
// Nobody is touching the screen then, so neither the trim (it holds the allocator's locks) nor
// the page faults of reusing those pages later land in a shopper's frame.
void release_free_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

render::Theme high_contrast_theme() {
    render::Theme t;
    t.background = IM_COL32(0, 0, 0, 255);
    t.surface = IM_COL32(16, 16, 16, 255);
    t.text = IM_COL32(255, 255, 255, 255);
    t.text_muted = IM_COL32(230, 230, 230, 255);
    t.primary = IM_COL32(255, 221, 0, 255);
    t.primary_pressed = IM_COL32(200, 170, 0, 255);
    t.on_primary = IM_COL32(0, 0, 0, 255);
    t.secondary = IM_COL32(48, 48, 48, 255);
    t.secondary_pressed = IM_COL32(90, 90, 90, 255);
    t.border = IM_COL32(255, 255, 255, 255);
    t.danger = IM_COL32(255, 110, 110, 255);
    t.success = IM_COL32(110, 255, 140, 255);
    t.warning = IM_COL32(255, 190, 60, 255);
    t.price = IM_COL32(255, 255, 255, 255);
    t.price_sale = IM_COL32(255, 130, 130, 255);
    t.placeholder = IM_COL32(40, 40, 40, 255);
    return t;
}

// CPU time consumed by the calling thread, in milliseconds (the frame-time bar is CPU time:
// on a shared machine wall time also counts the waits for a core).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

App::App(const KioskConfig& cfg, const RunOptions& opt) : cfg_(cfg), opt_(opt) {
    const std::string assets = find_assets_dir(cfg.assets_dir, opt.argv0);
    if (auto e = i18n_.load(assets + "/i18n", cfg.languages)) throw std::runtime_error(*e);
    state_.settings.languages = cfg.languages;
    state_.settings.default_language = cfg.default_language;
    state_.settings.idle_timeout_s = cfg.idle_timeout_s;
    state_.settings.printer = !cfg.printer_device.empty();
    state_.settings.sync_interval_s = cfg.sync_interval_s;
    state_.settings.staff_idle_lock_s = cfg.staff_idle_lock_s;
    state_.settings.heartbeat_interval_s = cfg.heartbeat_interval_s;
    state_.settings.speech = cfg.access.speech;
    state_.settings.speech_on_keypad = cfg.access.speech_on_keypad;
    state_.settings.assisted_idle_timeout_s = cfg.access.assisted_idle_timeout_s;
    state_.settings.assisted_countdown_s = cfg.access.assisted_countdown_s;
    state_.settings.more_time_s = cfg.access.more_time_s;
    state_.access.speech = cfg.access.speech;
    state_.language = cfg.default_language;

    render::PlatformConfig pc;
    pc.mode = opt.headless ? render::PlatformConfig::Mode::Headless
              : opt.windowed || !cfg.fullscreen ? render::PlatformConfig::Mode::Windowed
                                                : render::PlatformConfig::Mode::Fullscreen;
    // A kiosk in fullscreen cannot be closed from the screen or the keyboard: only a signal
    // (systemctl stop) ends it.
    pc.ignore_close = pc.mode == render::PlatformConfig::Mode::Fullscreen;
    // The service test runs the interactive loop without a display (kiosk/README.md).
    pc.allow_offscreen = std::getenv("KIOSK_ALLOW_OFFSCREEN") != nullptr;
    const bool portrait = cfg.orientation == "portrait";
    pc.width = opt.width > 0 ? opt.width : portrait ? 1080 : 1920;
    pc.height = opt.height > 0 ? opt.height : portrait ? 1920 : 1080;
    if (opt.windowed && opt.width == 0) {  // a development window that fits a laptop screen
        pc.width = portrait ? 720 : 1280;
        pc.height = portrait ? 1280 : 720;
    }
    pc.rotation = static_cast<render::Rotation>(cfg.rotation);
    pc.display = cfg.display;
    pc.title = "Endless aisle kiosk";
    try {
        platform_ = std::make_unique<render::Platform>(pc);
    } catch (const render::PlatformError& e) {
        throw std::runtime_error(e.what());
    }
    if (opt.manual_clock) platform_->set_clock([this] { return clock_; });
    ui_ = std::make_unique<render::Ui>(platform_->metrics(), platform_->load_fonts());
    render::ImagePipelineConfig ic;
    // Without a GPU (llvmpipe) textures live in host memory. Images are decoded at the size
    // they are shown, so one screen holds at most a screen of pixels: four screens' worth
    // (33 MB at 1920 x 1080, between 24 and 64 MB) keep what is in view and what the shopper
    // comes back to; evicted images come back from the disk cache.
    const ImVec2 screen = platform_->ui_size();
    ic.gpu_budget_bytes = std::clamp<std::size_t>(static_cast<std::size_t>(screen.x) * static_cast<std::size_t>(screen.y) * 4 * 4,
                                                  24u << 20, 64u << 20);
    const render::Waker waker = platform_->waker();
    images_ = std::make_unique<render::ImagePipeline>(
        textures_, ic,
        [this](const std::string& source, std::vector<std::uint8_t>& bytes, std::string& error) {
            auto r = services_->images().load(source);
            if (!r) {
                error = catalog_client::describe(r.error());
                return false;
            }
            bytes.assign(r.value().begin(), r.value().end());
            return true;
        },
        [waker] { waker(); });
    ui_->images = images_.get();
    inbox_.set_wake([waker] { waker(); });
    // The retailer's search synonyms: the configured file, else the one shipped with the assets.
    if (cfg_.synonyms_file.empty() && std::filesystem::exists(assets + "/search/synonyms.txt"))
        cfg_.synonyms_file = assets + "/search/synonyms.txt";
    services_ = std::make_unique<Services>(cfg_, inbox_);
    const catalog_client::Capabilities offered = services_->api().capabilities();
    state_.settings.staff_mode = offered.staff;
    state_.settings.cart_handoff = offered.handoff;
    state_.settings.pay_on_phone = offered.pay_on_phone;
    load_logo();
    apply_look();
    services_->start();
    state_.last_input = now();
}

App::~App() {
    // Image workers load through the services: they stop first; then the services' workers and
    // network thread; the window goes last.
    images_.reset();
    services_.reset();
    if (logo_) textures_.destroy(logo_);
}

std::int64_t App::wall_now() const {
    const auto real = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return real + static_cast<std::int64_t>(wall_offset_);
}

std::size_t App::image_bytes() const { return images_->stats().gpu_bytes; }

void App::load_logo() {
    if (cfg_.theme.logo.empty()) return;
    std::vector<std::uint8_t> bytes;
    std::string err;
    if (!render::load_file(cfg_.theme.logo, bytes, err)) {
        spdlog::warn("logo: {}", err);
        return;
    }
    render::DecodedImage img = render::decode_image(bytes.data(), bytes.size(), 0, 240);
    if (!img.ok) {
        spdlog::warn("logo {}: {}", cfg_.theme.logo, img.error);
        return;
    }
    logo_ = textures_.create(img.rgba.data(), img.width, img.height);
    logo_size_ = ImVec2(static_cast<float>(img.width), static_cast<float>(img.height));
}

void App::apply_look() {
    look_pending_ = false;
    render::Theme theme;
    if (state_.access.high_contrast) {
        theme = high_contrast_theme();
    } else {
        if (auto c = parse_colour(cfg_.theme.primary)) {
            theme.primary = *c;
            theme.primary_pressed = render::mix(*c, IM_COL32(0, 0, 0, 255), 0.25f);
        }
        if (auto c = parse_colour(cfg_.theme.background)) theme.background = *c;
    }
    render::FontSizes sizes;
    if (state_.access.large_text) {
        sizes.body *= 1.3f;
        sizes.small *= 1.3f;
        sizes.title *= 1.25f;
        sizes.price *= 1.25f;
    }
    ui_->fonts = platform_->load_fonts(render::FontPaths{}, sizes);
    ui_->theme = theme;
    render::apply_theme(ui_->theme, ui_->metrics, ImGui::GetStyle());
}

void App::dispatch(const Action& a) { apply(a); }

void App::apply(const Action& a) {
    if (const auto* on = std::get_if<act::Online>(&a); on && on->online != state_.online)
        spdlog::info(on->online ? "the commerce API is reachable again" : "the commerce API is unreachable");
    for (const Effect& e : reduce(state_, a)) {
        if (std::holds_alternative<fx::ResetSession>(e)) {
            scratch_ = Scratch{};
            trim_pending_ = true;
        } else if (std::holds_alternative<fx::ApplyLook>(e)) {
            look_pending_ = true;
        } else {
            services_->run(e);
        }
    }
}

void App::frame() {
    if (opt_.manual_clock) clock_ += 1.0 / 60.0;
    for (const Action& a : inbox_.take()) apply(a);
    const double t = now();
    apply(act::Tick{t});  // the reducer decides health checks, syncs and order retries
    if (look_pending_) apply_look();
    if (trim_pending_) {
        trim_pending_ = false;
        release_free_memory();
    }

    images_->pump();  // texture uploads: GL work, outside the frame build time
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_ms();
    render::FrameInput in = platform_->new_frame();
    const double cpu_input = thread_cpu_ms();
    if (!in.gestures.empty() || in.pressed || !in.keys.empty()) apply(act::Input{t});
    handle_keys(in.keys);
    ui_->begin_frame(std::move(in));
    Ctx ctx{*ui_, state_, scratch_, i18n_, emitted_, 0, {}, nullptr, {}, {}, {}};
    ctx.wall_now = wall_now();
    ctx.retailer_name = cfg_.theme.retailer_name;
    ctx.logo = logo_;
    ctx.logo_size = logo_size_;
    ctx.tracking_url = cfg_.tracking_url;
    ctx.handoff_product_url = cfg_.handoff_product_url;
    draw_app(ctx);
    after_draw();
    const double cpu_draw = thread_cpu_ms();
    ui_->end_frame();
    if (images_->stats().waiting_upload > 0) ui_->request_frame();
    // Wake for the idle warning and for the services' periodic work.
    if (state_.screen != Screen::Attract && !state_.idle_warning)
        ui_->wake_at(state_.last_input + idle_timeout(state_));
    if (state_.staff.unlocked) ui_->wake_at(state_.last_input + state_.settings.staff_idle_lock_s);
    ui_->wake_at(t + std::max(0.2, next_due(state_, t)));
    const double cpu_end = thread_cpu_ms();
    platform_->build_draw_data();
    const double cpu_done = thread_cpu_ms();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (timings_.size() < 200000) timings_.push_back({screen_name(state_.screen), cpu_done - cpu_start, ms,
                                                         static_cast<float>(cpu_input - cpu_start),
                                                         static_cast<float>(cpu_draw - cpu_input),
                                                         static_cast<float>(cpu_end - cpu_draw),
                                                         static_cast<float>(cpu_done - cpu_end)});
    if (first_interactive_s_ < 0 && state_.replica_ready) {
        first_interactive_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - opt_.started).count();
        notifier_.status("serving shoppers");
    }
    // The watchdog is fed by the frame loop itself: a UI thread that hangs stops feeding it.
    notifier_.ready(state_.replica_ready ? "serving shoppers" : "preparing the catalogue");
    notifier_.frame(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());

    std::vector<Action> emitted;
    emitted.swap(emitted_);
    for (const Action& a : emitted) apply(a);
}

void App::render_only() { platform_->render(ui_->theme.background); }
void App::present() { platform_->present(); }
void App::render_and_present() {
    render_only();
    present();
}

void App::advance(double seconds) {
    if (opt_.manual_clock) clock_ += seconds;
    wall_offset_ += seconds;
}

bool App::run_until(const std::function<bool()>& done, double timeout_s) {
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        platform_->pump(0);
        frame();
        render_and_present();
        if (done()) return true;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (elapsed > timeout_s) return false;
        // Wait for news (a worker result or a decoded image) rather than spinning.
        inbox_.wait(images_->busy() ? 0.01 : 0.05);
    }
}

bool App::settle(double timeout_s) {
    int quiet_frames = 0;
    return run_until(
        [&] {
            const bool quiet = services_->quiet() && !images_->busy();
            quiet_frames = quiet ? quiet_frames + 1 : 0;
            return quiet_frames >= 3;
        },
        timeout_s);
}

int App::run() {
    for (;;) {
        // Never asleep longer than the watchdog allows (a third of WatchdogSec).
        double wait = platform_->idle_timeout(*ui_);
        if (notifier_.max_sleep_s() > 0 && (wait < 0 || wait > notifier_.max_sleep_s())) wait = notifier_.max_sleep_s();
        if (!platform_->pump(wait)) break;
        frame();
        render_and_present();
    }
    notifier_.stopping();
    return 0;
}

}  // namespace kiosk
