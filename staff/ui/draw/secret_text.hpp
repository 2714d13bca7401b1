// What is done, and what cannot be done, about copies of a password typed into the staff
// console (login and unlock).
//
// Zeroed:
//   - our buffer: DeskFields::password, a fixed 128-byte SecureString ImGui edits in place, zeroed
//     right after login/unlock/logout and freed zeroed (desk.hpp);
//   - the SecureString handed to the queue for scrypt (zeroed when freed);
//   - ImGui's edit state once the password field is no longer being typed in (wipeAfterFrame):
//     ImGuiInputTextState's TextW / TextA / InitialTextA buffers and its stb_textedit state,
//     ImGuiInputTextDeactivatedState (ImGui copies the text there when a field is deactivated,
//     and would even write it back into our buffer on the next frame), the unused capacity of
//     io.InputQueueCharacters and of the input event queue, and the input event trail;
//   - every block ImGui frees (installZeroingAllocator), so a buffer ImGui grew or released
//     leaves no password bytes on the heap. Password fields also use NoUndoRedo: no undo copy.
// Not zeroed (out of our reach):
//   - ImGui's copies while the field is active (it needs them to edit); stack temporaries of
//     ImGui and of our key-to-character mapping; CPU registers;
//   - SDL's event queue entries (SDL_KEYDOWN key codes; SDL reuses them without zeroing), Xlib's
//     and the X server's buffers, the kernel's input buffers; pages swapped out (nothing is
//     mlock'ed).
//
// Errors: none.
#pragma once

#include <imgui.h>

#include <set>

namespace kakanai::staff::ui {

/** ImGui allocations that are zeroed when freed; call before ImGui::CreateContext(). */
void installZeroingAllocator();

class SecretTextWiper
{
public:
    /**
     * Call between frames (after ImGui::Render and after a click was handled). Remembers which
     * text fields are passwords, and unless a password field is being typed in, wipes ImGui's
     * copies listed above.
     */
    void wipeAfterFrame();
    /** Takes the keyboard from the active field (ImGui::ClearActiveID), between frames. */
    static void deactivateField();

private:
    std::set<ImGuiID> m_passwordIds;
};

} // namespace kakanai::staff::ui
