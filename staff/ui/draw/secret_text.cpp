// Wiping ImGui's copies of a typed password (see secret_text.hpp).
#include "secret_text.hpp"

#include "kakanai/base/secure_bytes.hpp"

#include <imgui_internal.h>

#include <cstdlib>

namespace kakanai::staff::ui {

namespace {

constexpr std::size_t HEADER = alignof(std::max_align_t); // holds the block's size

void* zeroingAlloc(std::size_t size, void*)
{
    auto* block = static_cast<unsigned char*>(std::malloc(size + HEADER));
    if (!block) {
        return nullptr;
    }
    *reinterpret_cast<std::size_t*>(block) = size;
    return block + HEADER;
}

void zeroingFree(void* pointer, void*)
{
    if (!pointer) {
        return;
    }
    auto* block = static_cast<unsigned char*>(pointer) - HEADER;
    secureZero(pointer, *reinterpret_cast<std::size_t*>(block));
    std::free(block);
}

template <class T> void zeroAll(ImVector<T>& vector)
{
    if (vector.Data) {
        secureZero(vector.Data, static_cast<std::size_t>(vector.Capacity) * sizeof(T));
    }
}

/** Zeroes the capacity from element `from` on (the part not in use). */
template <class T> void zeroFrom(ImVector<T>& vector, int from)
{
    from = ImClamp(from, 0, vector.Capacity);
    if (vector.Data && from < vector.Capacity) {
        secureZero(
            vector.Data + from, static_cast<std::size_t>(vector.Capacity - from) * sizeof(T));
    }
}

} // namespace

void installZeroingAllocator()
{
    ImGui::SetAllocatorFunctions(zeroingAlloc, zeroingFree, nullptr);
}

void SecretTextWiper::deactivateField()
{
    ImGui::ClearActiveID();
}

void SecretTextWiper::wipeAfterFrame()
{
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) {
        return;
    }
    ImGuiContext& g = *context;
    ImGuiInputTextState& state = g.InputTextState;
    const bool isPassword = (state.Flags & ImGuiInputTextFlags_Password) != 0;
    if (state.ID != 0 && isPassword) {
        m_passwordIds.insert(state.ID);
    }
    const bool active = state.ID != 0 && state.ID == g.ActiveId;
    if (active && isPassword) {
        return; // being typed: ImGui edits its copy
    }
    if (active) {
        // Another field is being edited: its text stays, but the buffers it took over from the
        // password field may still hold the password's characters past its own length.
        zeroFrom(state.TextW, state.CurLenW + 1);
        zeroFrom(state.TextA, state.CurLenA + 1);
        zeroFrom(state.InitialTextA, state.InitialTextA.Size);
    } else {
        zeroAll(state.TextW);
        zeroAll(state.TextA);
        zeroAll(state.InitialTextA);
        secureZero(&state.Stb, sizeof state.Stb);
        state.ClearFreeMemory();
        state.ID = 0; // set up afresh when a field is next activated
        state.CurLenW = state.CurLenA = 0;
        state.TextAIsValid = false;
    }
    ImGuiInputTextDeactivatedState& deactivated = g.InputTextDeactivatedState;
    if (deactivated.ID != 0 && m_passwordIds.count(deactivated.ID)) {
        zeroAll(deactivated.TextA);
        deactivated.ClearFreeMemory(); // also keeps ImGui from writing it back into our buffer
    }
    ImGuiIO& io = ImGui::GetIO();
    zeroFrom(io.InputQueueCharacters, io.InputQueueCharacters.Size);
    zeroFrom(g.InputEventsQueue, g.InputEventsQueue.Size);
    zeroAll(g.InputEventsTrail);
    g.InputEventsTrail.resize(0);
}

} // namespace kakanai::staff::ui
