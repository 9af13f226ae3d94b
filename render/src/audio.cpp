#include "render/audio.hpp"

#include <SDL.h>

namespace render {

AudioOut::AudioOut(int sample_rate) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error_ = std::string("no audio: ") + SDL_GetError();
        return;
    }
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device_ == 0) {
        error_ = std::string("no audio device: ") + SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return;
    }
    SDL_PauseAudioDevice(device_, 0);
}

AudioOut::~AudioOut() {
    if (device_ == 0) return;
    SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOut::play(const std::int16_t* samples, std::size_t count) {
    if (device_ == 0 || count == 0) return;
    SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(std::int16_t)));
}

void AudioOut::clear() {
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

}  // namespace render
