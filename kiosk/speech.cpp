#include "kiosk/speech.hpp"

#include <algorithm>
#include <chrono>

#include <espeak-ng/speak_lib.h>
#include <spdlog/spdlog.h>

namespace kiosk {

namespace {

// espeak-ng is one per process and its callback carries no pointer of ours: the live Speaker.
Speaker* g_speaker = nullptr;

void put_u32(unsigned char* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

int synth_callback(short* wav, int count, espeak_EVENT*) { return speech_samples(wav, count); }

}  // namespace

int speech_samples(short* wav, int count) { return g_speaker ? g_speaker->samples(wav, count) : 1; }

void write_wav_header(std::FILE* f, int rate, std::uint64_t samples) {
    unsigned char h[44] = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ',
                           16, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 16, 0,
                           'd', 'a', 't', 'a', 0, 0, 0, 0};
    const std::uint64_t bytes = std::min<std::uint64_t>(samples * 2, 0xFFFFFFFFull - 36);
    put_u32(h + 4, static_cast<std::uint32_t>(36 + bytes));
    put_u32(h + 24, static_cast<std::uint32_t>(rate));
    put_u32(h + 28, static_cast<std::uint32_t>(rate * 2));
    put_u32(h + 40, static_cast<std::uint32_t>(bytes));
    std::fseek(f, 0, SEEK_SET);
    std::fwrite(h, 1, sizeof h, f);
    std::fseek(f, 0, SEEK_END);
}

Speaker::Speaker(const SpeechSettings& s) : settings_(s) {
    if (g_speaker) {
        error_ = "speech: another speaker is running in this process";
        return;
    }
    g_speaker = this;
    worker_ = std::thread([this] { work(); });
    std::unique_lock<std::mutex> lock(mu_);
    idle_cv_.wait(lock, [this] { return ready_; });  // espeak-ng loaded (or failed) before the first say
}

Speaker::~Speaker() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
        ++generation_;
    }
    cv_.notify_all();
    worker_.join();
    if (wav_) std::fclose(wav_);
    g_speaker = nullptr;
}

namespace {

// espeak-ng is started once per process and never stopped: espeak_Terminate can hang in
// espeak-ng 1.51 when the library is started again afterwards (a second kiosk App in one process,
// as the tests make). Synchronous output: the samples come to our callback, which plays and
// records them. Only one Speaker at a time calls into it.
int engine_rate() {
    static std::once_flag once;
    static int rate = 0;
    std::call_once(once, [] {
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate > 0) espeak_SetSynthCallback(synth_callback);
    });
    return rate;
}

}  // namespace

bool Speaker::start_engine() {
    const int rate = engine_rate();
    if (rate <= 0) {
        error_ = "speech: espeak-ng did not start (is espeak-ng-data installed?)";
        return false;
    }
    rate_ = rate;
    espeak_SetParameter(espeakRATE, std::clamp(settings_.rate_wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(settings_.volume, 0, 200), 0);
    if (!settings_.wav_path.empty()) {
        wav_ = std::fopen(settings_.wav_path.c_str(), "wb");
        if (!wav_) {
            error_ = "speech: cannot write " + settings_.wav_path;
        } else {
            write_wav_header(wav_, rate_, 0);
        }
    }
    if (settings_.audio_device) {
        audio_ = std::make_unique<render::AudioOut>(rate_);
        if (!audio_->ok()) spdlog::warn("speech: {} (speech is recorded only)", audio_->error());
    }
    return true;
}

void Speaker::work() {
    const bool ok = start_engine();
    {
        std::lock_guard<std::mutex> lock(mu_);
        ready_ = true;
    }
    idle_cv_.notify_all();
    if (!ok) {
        spdlog::warn("{}", error_);
        return;
    }
    std::string voice;
    for (;;) {
        std::string text, lang;
        {
            std::unique_lock<std::mutex> lock(mu_);
            busy_ = false;
            idle_cv_.notify_all();
            cv_.wait(lock, [this] { return stop_ || pending_; });
            if (stop_) break;
            text.swap(text_);
            lang = lang_;
            pending_ = false;
            busy_ = true;
            speaking_ = generation_;
        }
        const std::string want = lang == "fr" ? "fr" : "en";
        if (want != voice && espeak_SetVoiceByName(want.c_str()) == EE_OK) voice = want;
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        if (wav_) {
            write_wav_header(wav_, rate_, recorded_samples());
            std::fflush(wav_);
        }
    }
}

int Speaker::samples(short* wav, int count) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (speaking_ != generation_) return 1;  // interrupted
        if (!wav || count <= 0) return 0;
        if (wav_) recorded_ += static_cast<std::uint64_t>(count);
    }
    if (audio_) audio_->play(wav, static_cast<std::size_t>(count));
    if (wav_) std::fwrite(wav, sizeof(short), static_cast<std::size_t>(count), wav_);
    return 0;
}

void Speaker::say(const std::string& text, const std::string& lang) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        text_ = text;
        lang_ = lang;
        pending_ = true;
        ++generation_;
    }
    if (audio_) audio_->clear();
    cv_.notify_all();
}

void Speaker::hush() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        pending_ = false;
        ++generation_;
    }
    if (audio_) audio_->clear();
}

bool Speaker::drain(double timeout_s) {
    std::unique_lock<std::mutex> lock(mu_);
    return idle_cv_.wait_for(lock, std::chrono::duration<double>(timeout_s),
                             [this] { return !error_.empty() || (!pending_ && !busy_); });
}

std::string Speaker::error() const {
    std::lock_guard<std::mutex> lock(mu_);
    return error_;
}

std::uint64_t Speaker::recorded_samples() const {
    std::lock_guard<std::mutex> lock(mu_);
    return recorded_;
}

}  // namespace kiosk
