// The new-record sound cue: a short two-tone chime through SDL audio (opened on the first use).
// When no audio device can be opened (a desk without speakers, Xvfb in tests) the cue is
// silently skipped after one log line.
//
// Errors: none reported to the caller.
#pragma once

#include <SDL.h>

namespace kakanai::staff::ui {

class Beep
{
public:
    ~Beep();
    void play();

private:
    SDL_AudioDeviceID m_device = 0;
    bool m_failed = false;
};

} // namespace kakanai::staff::ui
