#pragma once
// Speech output: text said in French or English through espeak-ng (Debian's libespeak-ng), on a
// worker thread of its own. Each `say` interrupts what is being said (the synthesis stops at its
// next buffer and the queued sound is dropped), so the shopper always hears the latest thing.
// Sound goes to the speaker or headphone jack (render::AudioOut) and, when a file is given, to a
// WAV recording of everything synthesised (tests listen to it; an operator can too).
// Thread rules: construct, `say`, `drain` and destroy on the UI thread; the worker owns espeak-ng
// (one Speaker per process: espeak-ng is a process-wide library).
// Errors: `error()` says why nothing is spoken (no espeak-ng data, the WAV cannot be written);
// speaking never throws and never blocks the UI thread.

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "render/audio.hpp"

namespace kiosk {

struct SpeechSettings {
    int rate_wpm = 175;    // espeak-ng words per minute, 80..450
    int volume = 100;      // 0..200, 100 normal
    std::string wav_path;  // also record to this WAV file (empty: no recording)
    bool audio_device = true;  // play on the default audio device (headless runs: no)
};

class Speaker {
  public:
    explicit Speaker(const SpeechSettings& s);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Says `text` in `lang` ("fr", "en"; other languages fall back to English), interrupting.
    void say(const std::string& text, const std::string& lang);
    // Stops talking.
    void hush();
    // Waits (at most `timeout_s`) until what was asked has been said. True when done.
    bool drain(double timeout_s);
    std::string error() const;
    // Samples written to the WAV recording so far.
    std::uint64_t recorded_samples() const;

  private:
    void work();
    bool start_engine();
    friend int speech_samples(short* wav, int count);
    int samples(short* wav, int count);  // the worker: returns 1 to stop the synthesis

    SpeechSettings settings_;
    mutable std::mutex mu_;
    std::condition_variable cv_, idle_cv_;
    std::string text_, lang_;     // the pending utterance
    bool pending_ = false, busy_ = false, stop_ = false, ready_ = false;
    std::uint64_t generation_ = 0;  // bumped by each say/hush: a running synthesis stops
    std::uint64_t speaking_ = 0;    // generation being synthesised
    std::string error_;
    int rate_ = 22050;
    std::FILE* wav_ = nullptr;
    std::uint64_t recorded_ = 0;
    std::unique_ptr<render::AudioOut> audio_;
    std::thread worker_;
};

int speech_samples(short* wav, int count);

// Writes a mono 16-bit WAV header for `samples` samples at `rate` at the start of `f`.
void write_wav_header(std::FILE* f, int rate, std::uint64_t samples);

}  // namespace kiosk
