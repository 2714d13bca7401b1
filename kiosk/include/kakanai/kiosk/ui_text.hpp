// The kiosk's own texts (buttons, instructions, errors) per language, from
// config/i18n/<lang>.toml: a flat table of `id = "text"`. Form labels and validation messages
// come from the templates and forms::messageText, not from here.
//
// Every id the kiosk uses is listed in uiTextIds(); a test fails when a language file lacks one
// or has one that is not listed. Placeholders in braces ({tries}, {ticket}, {minutes}) are filled
// by the caller.
//
// Errors: load() returns a message naming the file and the problem (unreadable, TOML syntax with
// line, a value that is not a string). text() with an id that is not in uiTextIds() is a bug and
// throws std::logic_error; a listed id missing in a language falls back (ja-easy → ja, others →
// en, then ja) so a gap never blanks a button.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::kiosk {

/** The 7 languages the kiosk can offer, in attract order, with their own names. */
struct LanguageName
{
    std::string tag; // "ja", "en", "ja-easy", "zh", "ko", "vi", "pt"
    std::string
        name; // "日本語", "English", "やさしい日本語", "中文", "한국어", "Tiếng Việt", "Português"
};
const std::vector<LanguageName>& kioskLanguages();

/** Every id the kiosk's code uses. */
const std::vector<std::string_view>& uiTextIds();

class UiText
{
public:
    /** Loads `dir`/<tag>.toml for each tag. */
    static Result<UiText, std::string> load(
        const std::filesystem::path& dir, const std::vector<std::string>& tags);

    std::string text(std::string_view language, std::string_view id) const;
    /** text() with {name} placeholders replaced. */
    std::string format(std::string_view language, std::string_view id,
        const std::map<std::string, std::string, std::less<>>& params) const;

    /** The ids present in one language's file (for the completeness test). */
    std::vector<std::string> idsIn(std::string_view language) const;

private:
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> m_texts;
};

} // namespace kakanai::kiosk
