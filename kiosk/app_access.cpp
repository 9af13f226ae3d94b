// The kiosk without sight: keypad navigation (keys before the frame, the focus ring after it)
// and speech output (what changed on screen this frame, said in one utterance).
#include <algorithm>
#include <cmath>

#include "kiosk/app.hpp"
#include "kiosk/reducer.hpp"
#include "kiosk/speech_text.hpp"

namespace kiosk {

namespace {

// The bar's controls come after the screen's own in a blind shopper's first minute: a new
// screen's focus starts on its content.
const std::vector<std::string> kBarPrefixes = {"nav.", "staff.menu", "staff.lock"};

}  // namespace

void App::handle_keys(const std::vector<render::KeyStroke>& keys) {
    for (const render::KeyStroke& k : keys) {
        if (k.nav != render::NavKey::None) {
            navigate(k.nav);
            continue;
        }
        if (auto code = scan_.feed(k)) {
            emitted_.push_back(act::Scanned{*code});
            continue;
        }
        // Enter that was not the end of a scan: the focused control, as a finger would press it
        // (on the attract loop Enter starts, as the screen says).
        if (!k.enter || !focus_.shown() || state_.screen == Screen::Attract) continue;
        const render::Element* e = focus_.focused(ui_->registry);
        const auto at = focus_.activation_point(*ui_);
        if (!e || !at) continue;
        if (e->role == render::Role::Key && state_.access.speech) {
            // Typing on the on-screen keyboard: the key is echoed, as a screen reader does.
            speak(key_name(*e, i18n_, state_.language));
        }
        platform_->inject_tap(*at);
    }
}

void App::navigate(render::NavKey key) {
    if (key == render::NavKey::Speech) {
        apply(act::SetSpeech{!state_.access.speech});
        if (!state_.access.speech && speaker_) speaker_->hush();
        return;
    }
    if (!state_.access.keypad) apply(act::KeypadUsed{});
    if (state_.screen == Screen::Attract) {
        // Any key starts, as any touch does; the next ones move the focus.
        if (state_.replica_ready) apply(act::Start{});
        focus_.show(true);
        return;
    }
    if (key == render::NavKey::Back) {
        apply(escape_action());
        return;
    }
    focus_.navigate(*ui_, key);
}

Action App::escape_action() const {
    if (state_.idle_warning) return act::IdleContinue{now()};
    if (state_.handoff.what != AppState::Handoff::What::None) return act::CloseHandoff{};
    if (state_.access.panel_open) return act::ToggleAccessPanel{false};
    if (state_.screen == Screen::Checkout && !state_.checkout.form.focused.empty()) return act::FocusField{""};
    return act::Back{};
}

void App::after_draw() {
    if (state_.screen != focus_screen_) {
        focus_screen_ = state_.screen;
        focus_.restart(kBarPrefixes);
    }
    focus_.end_frame(*ui_);
    speak_frame();
}

void App::speak_frame() {
    const render::ElementRegistry& reg = ui_->registry;
    const int layer = render::focus_layer(reg);
    const double t = now();
    const std::string& lang = state_.language;
    std::vector<std::string> alerts;
    for (const render::Element& e : reg.all())
        if (e.id == "alert" && e.layer == std::max(layer, 0)) alerts.push_back(e.label);
    const render::Element* focused = focus_.shown() ? focus_.focused(reg) : nullptr;
    const std::string focus_text = focused ? describe_element(*focused, i18n_, lang) : std::string();

    std::vector<std::string> parts;
    const bool on = state_.access.speech;
    if (on && !said_.speech) {
        parts.push_back(i18n_.tr(lang, "speech.on"));  // how to use it, then the screen
        said_.pending = true;
        said_.since = t;
    }
    if (!on && said_.speech && speaker_) speaker_->hush();  // turned off, or the session ended
    said_.speech = on;
    if (state_.screen != said_.screen || layer != said_.layer || lang != said_.language) {
        said_.screen = state_.screen;
        said_.layer = layer;
        said_.language = lang;
        said_.pending = true;
        said_.since = t;
        said_.partial.clear();
    }
    if (!on) {
        said_.pending = false;
        said_.moves = focus_.moves();
        said_.focus_text = focus_text;
        said_.alerts = alerts;
        said_.notice_at = state_.notice_at;
        said_.idle_seconds = -1;
        return;
    }
    // A screen is announced once its content is there (the services are quiet and it no longer
    // says "Loading"), or after 3 s.
    const std::string& loading = i18n_.tr(lang, "common.loading");
    const bool loaded = std::none_of(reg.all().begin(), reg.all().end(), [&](const render::Element& e) {
        return e.layer == std::max(layer, 0) && e.label == loading;
    });
    const bool complete = loaded && services_->quiet();
    if (said_.pending && (complete || t - said_.since > 3.0)) {
        said_.pending = false;
        parts.push_back(describe_screen(state_.screen, reg, layer, i18n_, lang));
        said_.partial = complete ? std::string() : parts.back();
        if (!focus_text.empty()) parts.push_back(focus_text);
        said_.moves = focus_.moves();
        said_.focus_text = focus_text;
    } else if (!said_.pending && !said_.partial.empty() && complete) {
        // What came after the announcement (the live stock on a slow network) is said then.
        parts.push_back(describe_screen(state_.screen, reg, layer, i18n_, lang, 6, said_.partial));
        said_.partial.clear();
    } else if (!said_.pending && (focus_.moves() != said_.moves || focus_text != said_.focus_text)) {
        // The focus moved, or what it is on changed (a size chosen, the cart's count).
        said_.moves = focus_.moves();
        said_.focus_text = focus_text;
        if (!focus_text.empty()) parts.push_back(focus_text);
    }
    for (const std::string& a : alerts)
        if (std::find(said_.alerts.begin(), said_.alerts.end(), a) == said_.alerts.end()) parts.push_back(speakable(a));
    said_.alerts = alerts;
    if (state_.notice_at != said_.notice_at) {
        said_.notice_at = state_.notice_at;
        if (!state_.notice.empty() && state_.notice_on == state_.screen) parts.push_back(i18n_.tr(lang, state_.notice));
    }
    // The idle warning's countdown: every 10 s, then each of the last 5.
    if (state_.idle_warning) {
        const int left = static_cast<int>(std::ceil(idle_countdown(state_) - (t - state_.idle_warning_at)));
        if (said_.idle_seconds < 0) {
            said_.idle_seconds = left;  // the warning's own announcement says it
        } else if (left != said_.idle_seconds && left > 0) {
            said_.idle_seconds = left;
            if (left % 10 == 0 || left <= 5)
                parts.push_back(i18n_.fmt(lang, "speech.seconds", {{"seconds", std::to_string(left)}}));
        }
    } else {
        said_.idle_seconds = -1;
    }
    if (parts.empty()) return;
    std::string text;
    for (const std::string& p : parts) append_sentence(text, p);
    speak(text);
}

void App::speak(const std::string& text) {
    if (text.empty()) return;
    // Never logged: a field being typed into is said with its value (a shopper's name).
    spoken_.push_back(text);
    if (!speaker_) {
        SpeechSettings s;
        s.rate_wpm = static_cast<int>(cfg_.access.speech_rate);
        s.volume = static_cast<int>(cfg_.access.speech_volume);
        s.wav_path = opt_.speech_out;
        s.audio_device = !opt_.headless;
        speaker_ = std::make_unique<Speaker>(s);
    }
    speaker_->say(text, state_.language);
}

bool App::drain_speech(double timeout_s) { return !speaker_ || speaker_->drain(timeout_s); }

}  // namespace kiosk
