#pragma once
// Sound out of the terminal's speaker or headphone jack: mono 16-bit samples queued to SDL's
// default audio device, played in order; `clear` drops what is queued (speech interrupted by the
// next utterance). A terminal without an audio device (a headless test machine) gets a clear
// error from `error()` and plays nothing; the rest of the kiosk is unaffected.
// Thread rules: construct and destroy on the UI thread after the Platform (SDL is initialised);
// `play` and `clear` from one other thread (the speech worker) are fine (SDL locks the device).

#include <cstddef>
#include <cstdint>
#include <string>

namespace render {

class AudioOut {
  public:
    explicit AudioOut(int sample_rate);
    ~AudioOut();
    AudioOut(const AudioOut&) = delete;
    AudioOut& operator=(const AudioOut&) = delete;

    bool ok() const { return device_ != 0; }
    const std::string& error() const { return error_; }
    void play(const std::int16_t* samples, std::size_t count);
    void clear();

  private:
    std::uint32_t device_ = 0;
    std::string error_;
};

}  // namespace render
