// printedValue and friends: the text a field's value is printed as (see value_text.hpp).
#include "kakanai/printer/value_text.hpp"

#include "kakanai/forms/wareki.hpp"

#include <cstdio>
#include <type_traits>

namespace kakanai::printer {
namespace {

using forms::FieldType;

bool isJapanese(std::string_view language)
{
    return language == "ja" || language == "ja-easy";
}

std::string yesNoText(bool yes, std::string_view language)
{
    struct Words
    {
        std::string_view language, yes, no;
    };
    static constexpr Words WORDS[] = {
        { "ja", "はい", "いいえ" },
        { "ja-easy", "はい", "いいえ" },
        { "en", "Yes", "No" },
        { "zh", "是", "否" },
        { "ko", "예", "아니요" },
        { "vi", "Có", "Không" },
        { "pt", "Sim", "Não" },
    };
    for (const auto& words : WORDS) {
        if (words.language == language) {
            return std::string(yes ? words.yes : words.no);
        }
    }
    return yes ? "Yes" : "No";
}

std::optional<forms::Date> isoDateOf(std::string_view text)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    const std::string head(text.substr(0, 10));
    char tail = 0;
    if (std::sscanf(head.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) {
        return std::nullopt;
    }
    forms::Date date { year, month, day };
    if (!date.isSupported()) {
        return std::nullopt;
    }
    return date;
}

std::string dateText(const forms::Field& field, const std::string& stored)
{
    if (stored.size() != 10) {
        return stored; // not YYYY-MM-DD: as the card (or staff) gave it
    }
    auto date = isoDateOf(stored);
    if (!date) {
        return stored;
    }
    if (field.dateDisplay == forms::DateDisplay::Western) {
        return std::to_string(date->year) + "年" + std::to_string(date->month) + "月"
            + std::to_string(date->day) + "日";
    }
    return forms::formatWareki(*date).value_or(stored);
}

std::string optionText(
    const forms::Field& field, const std::string& value, std::string_view language)
{
    if (const forms::Option* option = field.findOption(value)) {
        std::string label = textIn(option->label, language);
        return label.empty() ? value : label;
    }
    return value;
}

} // namespace

std::string textIn(const forms::LocalizedText& text, std::string_view language)
{
    if (auto it = text.find(language); it != text.end()) {
        return it->second;
    }
    if (auto it = text.find("ja"); it != text.end()) {
        return it->second;
    }
    return text.empty() ? std::string() : text.begin()->second;
}

std::string maskMyNumber(std::string_view number)
{
    std::string masked(number);
    for (std::size_t i = 0; i + 4 < masked.size(); ++i) {
        masked[i] = '*';
    }
    return masked;
}

std::string printedValue(
    const forms::Field& field, const forms::Value& value, std::string_view language)
{
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<T, bool>) {
                return yesNoText(v, language);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                switch (field.type) {
                case FieldType::Date:
                    return dateText(field, v);
                case FieldType::Choice:
                    return optionText(field, v, language);
                case FieldType::MyNumber:
                    return field.store ? v : maskMyNumber(v);
                default:
                    return v;
                }
            } else {
                std::string joined;
                for (const std::string& item : v) {
                    if (!joined.empty()) {
                        joined += isJapanese(language) ? "、" : ", ";
                    }
                    joined += optionText(field, item, language);
                }
                return joined;
            }
        },
        value);
}

std::optional<std::string> warekiOfTimestamp(std::string_view timestamp)
{
    auto date = isoDateOf(timestamp);
    if (!date) {
        return std::nullopt;
    }
    return forms::formatWareki(*date);
}

std::string qrPayload(std::string_view recordId, std::string_view ticketNumber)
{
    std::string payload = "kakanai:record:" + std::string(recordId);
    if (!ticketNumber.empty()) {
        payload += "?ticket=" + std::string(ticketNumber);
    }
    return payload;
}

std::optional<QrContent> parseQrPayload(std::string_view payload)
{
    constexpr std::string_view PREFIX = "kakanai:record:";
    if (payload.substr(0, PREFIX.size()) != PREFIX) {
        return std::nullopt;
    }
    payload.remove_prefix(PREFIX.size());
    QrContent content;
    const auto query = payload.find("?ticket=");
    content.recordId = std::string(payload.substr(0, query));
    if (query != std::string_view::npos) {
        content.ticketNumber = std::string(payload.substr(query + 8));
    }
    if (content.recordId.empty()) {
        return std::nullopt;
    }
    return content;
}

} // namespace kakanai::printer
