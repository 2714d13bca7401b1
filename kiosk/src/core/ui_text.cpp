#include "kakanai/kiosk/ui_text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <stdexcept>

namespace kakanai::kiosk {

const std::vector<LanguageName>& kioskLanguages()
{
    static const std::vector<LanguageName> languages {
        { "ja", "日本語" },
        { "en", "English" },
        { "ja-easy", "やさしい日本語" },
        { "zh", "中文" },
        { "ko", "한국어" },
        { "vi", "Tiếng Việt" },
        { "pt", "Português" },
    };
    return languages;
}

const std::vector<std::string_view>& uiTextIds()
{
    // Keep sorted by screen; every id here must be in every config/i18n/<lang>.toml.
    static const std::vector<std::string_view> ids {
        "attract.title",
        "attract.body",
        "choose.title",
        "choose.body",
        "choose.forms",
        "choose.events",
        "questions.body",
        "answer.yes",
        "answer.no",
        "card.title",
        "card.body",
        "card.not_my_number",
        "card.juki",
        "card.smartphone",
        "pin.title",
        "pin.body",
        "pin.tries_left",
        "pin.wrong",
        "pin.forgot",
        "collation.title",
        "collation.body",
        "reading.title",
        "reading.body",
        "review.title",
        "review.from_card",
        "review.wrong",
        "review.flagged",
        "review.fix_first",
        "review.missing_glyphs",
        "editor.ok",
        "editor.cancel",
        "editor.delete",
        "editor.clear",
        "editor.space",
        "confirm.title",
        "confirm.body",
        "submitting.title",
        "printing.title",
        "done.title",
        "done.body",
        "done.ticket",
        "done.wait",
        "done.wait_unknown",
        "done.print_failed",
        "error.title",
        "error.no_reader",
        "error.reader_lost",
        "error.pin_locked",
        "error.last_try",
        "error.read_failed",
        "error.submit_failed",
        "notice.card_removed",
        "notice.timeout",
        "notice.no_forms",
        "still_there.title",
        "still_there.body",
        "action.back",
        "action.next",
        "action.cancel",
        "action.submit",
        "action.finish",
        "action.ok",
        "global.call_staff",
        "global.staff_called",
        "global.zoom",
        "global.contrast",
        "global.still_here",
        "training.banner",
    };
    return ids;
}

Result<UiText, std::string> UiText::load(
    const std::filesystem::path& dir, const std::vector<std::string>& tags)
{
    UiText text;
    for (const std::string& tag : tags) {
        const std::filesystem::path file = dir / (tag + ".toml");
        toml::table parsed;
        try {
            parsed = toml::parse_file(file.string());
        } catch (const toml::parse_error& error) {
            return fail(file.string() + ":" + std::to_string(error.source().begin.line) + ": "
                + std::string(error.description()));
        }
        auto& table = text.m_texts[tag];
        for (const auto& [key, node] : parsed) {
            const auto* value = node.as_string();
            if (!value) {
                return fail(file.string() + ": \"" + std::string(key.str())
                    + "\" must be a string (use quoted dotted keys, e.g. \"pin.title\" = \"...\")");
            }
            table.emplace(std::string(key.str()), value->get());
        }
    }
    return text;
}

std::string UiText::text(std::string_view language, std::string_view id) const
{
    const auto& ids = uiTextIds();
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        throw std::logic_error("UiText: id not listed in uiTextIds(): " + std::string(id));
    }
    const std::string_view fallback = language == "ja-easy" ? "ja" : "en";
    for (const std::string_view candidate : { language, fallback, std::string_view("ja") }) {
        const auto table = m_texts.find(candidate);
        if (table == m_texts.end()) {
            continue;
        }
        const auto it = table->second.find(id);
        if (it != table->second.end()) {
            return it->second;
        }
    }
    return std::string(id);
}

std::string UiText::format(std::string_view language, std::string_view id,
    const std::map<std::string, std::string, std::less<>>& params) const
{
    const std::string pattern = text(language, id);
    std::string out;
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        const std::size_t close
            = open == std::string::npos ? std::string::npos : pattern.find('}', open);
        if (close == std::string::npos) {
            out.append(pattern, i, std::string::npos);
            break;
        }
        out.append(pattern, i, open - i);
        const auto it = params.find(std::string_view(pattern).substr(open + 1, close - open - 1));
        if (it != params.end()) {
            out += it->second;
        } else {
            out.append(pattern, open, close - open + 1);
        }
        i = close + 1;
    }
    return out;
}

std::vector<std::string> UiText::idsIn(std::string_view language) const
{
    std::vector<std::string> ids;
    const auto table = m_texts.find(language);
    if (table != m_texts.end()) {
        for (const auto& [id, value] : table->second) {
            ids.push_back(id);
        }
    }
    return ids;
}

} // namespace kakanai::kiosk
