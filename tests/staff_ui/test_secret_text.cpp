// A password typed into an ImGui password field (as on kakanai-staff's login screen) leaves no
// copy in ImGui's memory once SecretTextWiper has run: every live ImGui allocation, the context
// included, is searched for it in UTF-8 and as ImWchar text. ImGui without a window or renderer
// (its API comes through secret_text.hpp: tools/test lets only kiosk/ and staff/ include ImGui).
#include "secret_text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <map>
#include <string>

namespace {

using namespace kakanai::staff::ui;

constexpr const char* PASSWORD = "Kq7-zebra!Pw"; // invented

ImGuiMemAllocFunc s_alloc = nullptr;
ImGuiMemFreeFunc s_free = nullptr;
void* s_user = nullptr;
std::map<void*, std::size_t> s_live; // every ImGui block alive now

void* trackedAlloc(std::size_t size, void*)
{
    void* block = s_alloc(size, s_user);
    s_live[block] = size;
    return block;
}

void trackedFree(void* block, void*)
{
    s_live.erase(block);
    s_free(block, s_user);
}

/** Whether any live ImGui block holds the password (UTF-8 or ImWchar). */
bool imguiHoldsPassword()
{
    const std::string utf8 = PASSWORD;
    std::basic_string<ImWchar> wide(utf8.begin(), utf8.end());
    const auto wideBytes
        = std::string(reinterpret_cast<const char*>(wide.data()), wide.size() * sizeof(ImWchar));
    for (const auto& [block, size] : s_live) {
        const std::string_view bytes(static_cast<const char*>(block), size);
        if (bytes.find(utf8) != std::string_view::npos
            || bytes.find(wideBytes) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

class SecretTextTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        installZeroingAllocator();
        ImGui::GetAllocatorFunctions(&s_alloc, &s_free, &s_user);
        ImGui::SetAllocatorFunctions(trackedAlloc, trackedFree);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    void TearDown() override
    {
        ImGui::DestroyContext();
        ImGui::SetAllocatorFunctions(s_alloc, s_free, s_user);
    }

    /** One frame with the password field and a plain field; `focus` gives one the keyboard. */
    void frame(int focus = -1)
    {
        ImGui::NewFrame();
        ImGui::Begin("login");
        if (focus == 0) {
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::InputText("##password", password.data(), password.size(),
            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_NoUndoRedo
                | ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue);
        if (focus == 1) {
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::InputText("##user", user.data(), user.size());
        ImGui::End();
        ImGui::Render();
        wiper.wipeAfterFrame(); // as kakanai-staff does after every frame
    }

    void type(const std::string& text)
    {
        for (const char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        }
        frame();
    }

    std::array<char, 128> password {};
    std::array<char, 64> user {};
    SecretTextWiper wiper;
};

TEST_F(SecretTextTest, NoCopyOfTheTypedPasswordOutlivesTheLogin)
{
    frame(0);
    frame();
    type(PASSWORD);
    ASSERT_STREQ(password.data(), PASSWORD);
    ASSERT_TRUE(imguiHoldsPassword()) << "ImGui keeps copies while the field is edited";
    // The login: deactivate the field, take and zero our buffer, then the wiper runs.
    SecretTextWiper::deactivateField();
    std::memset(password.data(), 0, password.size());
    wiper.wipeAfterFrame();
    EXPECT_FALSE(imguiHoldsPassword());
    // The field is drawn again (a failed login): ImGui must not write the password back.
    frame();
    frame();
    EXPECT_EQ(password[0], '\0');
    EXPECT_FALSE(imguiHoldsPassword());
}

TEST_F(SecretTextTest, MovingToAnotherFieldWipesThePasswordButNotTheOtherFieldsText)
{
    frame(0);
    frame();
    type(PASSWORD);
    frame(1); // the user id field takes the keyboard; the password stays in our buffer only
    frame();
    type("tanaka");
    EXPECT_STREQ(user.data(), "tanaka");
    EXPECT_STREQ(password.data(), PASSWORD);
    EXPECT_FALSE(imguiHoldsPassword());
    SecretTextWiper::deactivateField();
    frame();
    EXPECT_STREQ(user.data(), "tanaka");
}

} // namespace
