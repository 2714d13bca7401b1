// The new-record chime (see beep.hpp).
#include "beep.hpp"

#include <cmath>
#include <iostream>
#include <vector>

namespace kakanai::staff::ui {

namespace {

constexpr int RATE = 22050;

std::vector<Sint16> chime()
{
    std::vector<Sint16> samples;
    for (const double frequency : { 880.0, 1318.5 }) {
        const int count = RATE / 8;
        for (int i = 0; i < count; ++i) {
            const double fade = 1.0 - static_cast<double>(i) / count;
            const double value = std::sin(2 * M_PI * frequency * i / RATE) * fade * 6000;
            samples.push_back(static_cast<Sint16>(value));
        }
    }
    return samples;
}

} // namespace

Beep::~Beep()
{
    if (m_device) {
        SDL_CloseAudioDevice(m_device);
    }
}

void Beep::play()
{
    if (m_failed) {
        return;
    }
    if (!m_device) {
        SDL_AudioSpec want {};
        want.freq = RATE;
        want.format = AUDIO_S16SYS;
        want.channels = 1;
        want.samples = 1024;
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0
            || (m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0)) == 0) {
            std::cerr << "kakanai-staff: no audio device; the sound cue is off\n";
            m_failed = true;
            return;
        }
        SDL_PauseAudioDevice(m_device, 0);
    }
    static const std::vector<Sint16> samples = chime();
    SDL_ClearQueuedAudio(m_device);
    SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size() * sizeof(Sint16)));
}

} // namespace kakanai::staff::ui
