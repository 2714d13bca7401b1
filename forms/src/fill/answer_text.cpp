#include "kakanai/forms/answer_text.hpp"

#include "kakanai/forms/formats.hpp"
#include "kakanai/forms/kana.hpp"
#include "kakanai/forms/wareki.hpp"

#include <charconv>

namespace kakanai::forms {

namespace {

std::string trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

} // namespace

std::optional<Value> parseAnswer(const Field& field, std::string_view input)
{
    const std::string text = trimmed(input);
    if (text.empty()) {
        return Value {};
    }
    switch (field.type) {
    case FieldType::YesNo:
        if (text == "true" || text == "yes" || text == "はい") {
            return Value { true };
        }
        if (text == "false" || text == "no" || text == "いいえ") {
            return Value { false };
        }
        return std::nullopt;
    case FieldType::Integer: {
        const std::string ascii = toHalfWidth(text);
        std::int64_t number = 0;
        const auto [end, error]
            = std::from_chars(ascii.data(), ascii.data() + ascii.size(), number);
        if (error != std::errc() || end != ascii.data() + ascii.size()) {
            return std::nullopt;
        }
        return Value { number };
    }
    case FieldType::MultiChoice: {
        std::vector<std::string> list;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = text.find(',', start);
            const std::size_t end = comma == std::string::npos ? text.size() : comma;
            std::string item = trimmed(std::string_view(text).substr(start, end - start));
            if (!item.empty()) {
                list.push_back(std::move(item));
            }
            start = end + 1;
        }
        return Value { std::move(list) };
    }
    case FieldType::Date:
        if (auto date = parseDateInput(text)) {
            return Value { isoDate(*date) };
        }
        return Value { text };
    case FieldType::Katakana:
        if (auto furigana = furiganaFromInput(text)) {
            return Value { *furigana };
        }
        return Value { text };
    case FieldType::Phone:
        if (auto phone = parsePhoneNumber(text)) {
            return Value { phone->display };
        }
        return Value { text };
    case FieldType::PostalCode:
        if (auto code = parsePostalCode(text)) {
            return Value { *code };
        }
        return Value { text };
    default:
        return Value { text };
    }
}

std::string answerText(const Value& value)
{
    if (const auto* flag = std::get_if<bool>(&value)) {
        return *flag ? "true" : "false";
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*number);
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *list) {
            joined += (joined.empty() ? "" : ",") + item;
        }
        return joined;
    }
    return {};
}

} // namespace kakanai::forms
