#include "editor.hpp"

#include "kakanai/forms/formats.hpp"
#include "kakanai/forms/kana.hpp"
#include "kakanai/forms/wareki.hpp"

#include <array>

namespace kakanai::kiosk::detail {

namespace {

// The 50音 table, one 行 per row, as on the paper charts residents know.
constexpr std::array<std::string_view, 10> KANA_ROWS {
    "アイウエオ",
    "カキクケコ",
    "サシスセソ",
    "タチツテト",
    "ナニヌネノ",
    "ハヒフヘホ",
    "マミムメモ",
    "ヤユヨ",
    "ラリルレロ",
    "ワヲン",
};

// Code points of the last UTF-8 character of `text` (0 if none) and its byte offset.
std::pair<char32_t, std::size_t> lastCharacter(const std::string& text)
{
    if (text.empty()) {
        return { 0, 0 };
    }
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
        --start;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data() + start);
    const std::size_t length = text.size() - start;
    char32_t c = 0;
    if (length == 1) {
        c = bytes[0];
    } else if (length == 2) {
        c = ((bytes[0] & 0x1F) << 6) | (bytes[1] & 0x3F);
    } else if (length == 3) {
        c = ((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
    } else {
        c = ((bytes[0] & 0x07) << 18) | ((bytes[1] & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6)
            | (bytes[3] & 0x3F);
    }
    return { c, start };
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// ゛: カ→ガ … ト→ド, ハ→バ … ホ→ボ, ウ→ヴ; ゜: ハ→パ … ホ→ポ; 小: ア→ァ, ツ→ッ, ヤ→ャ, ワ→ヮ
// (and back). Returns 0 when the mark does not apply to the character.
char32_t modified(char32_t c, std::string_view mark)
{
    const bool kaToTo = c >= U'カ' && c <= U'ト' && c != U'ッ';
    if (mark == "dakuten") {
        if (c == U'ウ') {
            return U'ヴ';
        }
        if (kaToTo && (c <= U'ヂ' ? (c - U'カ') % 2 == 0 : (c - U'ツ') % 2 == 0)) {
            return c + 1;
        }
        if (c >= U'ハ' && c <= U'ホ' && (c - U'ハ') % 3 == 0) {
            return c + 1;
        }
        return 0;
    }
    if (mark == "handakuten") {
        if (c >= U'ハ' && c <= U'ホ' && (c - U'ハ') % 3 == 0) {
            return c + 2;
        }
        return 0;
    }
    // small ⇄ large
    for (const auto& [large, small] : { std::pair { U'ア', U'ァ' }, { U'イ', U'ィ' },
             { U'ウ', U'ゥ' }, { U'エ', U'ェ' }, { U'オ', U'ォ' }, { U'ツ', U'ッ' },
             { U'ヤ', U'ャ' }, { U'ユ', U'ュ' }, { U'ヨ', U'ョ' }, { U'ワ', U'ヮ' } }) {
        if (c == large) {
            return small;
        }
        if (c == small) {
            return large;
        }
    }
    return 0;
}

Button key(std::string id, std::string label)
{
    Button button;
    button.id = std::move(id);
    button.label = std::move(label);
    return button;
}

std::vector<Button> digitRow(std::string_view digits)
{
    std::vector<Button> row;
    for (const char d : digits) {
        row.push_back(key("num." + std::string(1, d), std::string(1, d)));
    }
    return row;
}

} // namespace

InputKind inputKindOf(const forms::Field& field)
{
    using forms::FieldType;
    switch (field.type) {
    case FieldType::Katakana:
        return InputKind::Katakana;
    case FieldType::Date:
        return InputKind::Date;
    case FieldType::Choice:
        return InputKind::Choice;
    case FieldType::MultiChoice:
        return InputKind::MultiChoice;
    case FieldType::Integer:
        return InputKind::Integer;
    case FieldType::YesNo:
        return InputKind::YesNo;
    case FieldType::PostalCode:
    case FieldType::Phone:
    case FieldType::MyNumber:
        return InputKind::Digits;
    case FieldType::Text:
    case FieldType::Address:
        return InputKind::Text;
    }
    return InputKind::Text;
}

bool applyEditorKey(EditorState& editor, InputKind kind, const std::string& widget)
{
    constexpr std::size_t MAX_TEXT_BYTES = 600; // 200 kanji: longer than any template allows
    if (widget == "edit.delete") {
        const auto [c, start] = lastCharacter(editor.text);
        if (c != 0) {
            editor.text.resize(start);
        }
        return true;
    }
    if (widget == "edit.clear") {
        editor.text.clear();
        return true;
    }
    if (editor.text.size() >= MAX_TEXT_BYTES) {
        return widget.rfind("kana.", 0) == 0 || widget.rfind("num.", 0) == 0;
    }
    if (widget == "edit.space") {
        editor.text += "\u3000";
        return true;
    }
    if (widget.rfind("era.", 0) == 0 && widget.size() == 5 && kind == InputKind::Date) {
        editor.era = widget[4];
        return true;
    }
    if (widget.rfind("num.", 0) == 0) {
        const std::string k = widget.substr(4);
        if (k.size() == 1 && k[0] >= '0' && k[0] <= '9') {
            editor.text += k;
        } else if (k == "hyphen" && kind == InputKind::Digits) {
            editor.text += '-';
        } else if (k == "dot" && kind == InputKind::Date) {
            editor.text += '.';
        }
        return true;
    }
    if (widget.rfind("kana.", 0) == 0) {
        const std::string k = widget.substr(5);
        if (k == "dakuten" || k == "handakuten" || k == "small") {
            const auto [c, start] = lastCharacter(editor.text);
            if (const char32_t changed = modified(c, k)) {
                editor.text.resize(start);
                appendUtf8(editor.text, changed);
            }
        } else if (k == "long") {
            editor.text += "ー";
        } else {
            editor.text += k;
        }
        return true;
    }
    return false;
}

std::vector<std::vector<Button>> editorKeys(InputKind kind, const EditorState& editor,
    const std::string& deleteLabel, const std::string& clearLabel, const std::string& spaceLabel)
{
    std::vector<std::vector<Button>> rows;
    if (kind == InputKind::Katakana || kind == InputKind::Text) {
        for (const std::string_view row : KANA_ROWS) {
            std::vector<Button> keys;
            for (std::size_t i = 0; i < row.size(); i += 3) { // each katakana is 3 UTF-8 bytes
                const std::string k(row.substr(i, 3));
                keys.push_back(key("kana." + k, k));
            }
            rows.push_back(std::move(keys));
        }
        rows.push_back({ key("kana.dakuten", "゛"), key("kana.handakuten", "゜"),
            key("kana.small", "小"), key("kana.long", "ー"), key("edit.space", spaceLabel) });
    } else {
        if (kind == InputKind::Date) {
            std::vector<Button> eras;
            for (const auto& [letter, name] : { std::pair { 'R', "令和" }, { 'H', "平成" },
                     { 'S', "昭和" }, { 'T', "大正" }, { 'M', "明治" }, { 'W', "西暦" } }) {
                Button era = key(std::string("era.") + letter, name);
                era.selected = editor.era == letter;
                eras.push_back(std::move(era));
            }
            rows.push_back(std::move(eras));
        }
        rows.push_back(digitRow("789"));
        rows.push_back(digitRow("456"));
        rows.push_back(digitRow("123"));
        std::vector<Button> last = digitRow("0");
        if (kind == InputKind::Digits) {
            last.push_back(key("num.hyphen", "-"));
        } else if (kind == InputKind::Date) {
            last.push_back(key("num.dot", "."));
        }
        rows.push_back(std::move(last));
    }
    rows.push_back({ key("edit.delete", deleteLabel), key("edit.clear", clearLabel) });
    return rows;
}

forms::Value valueFromEditor(const forms::Field& field, const EditorState& editor)
{
    const std::string& text = editor.text;
    if (text.empty()) {
        return {};
    }
    using forms::FieldType;
    switch (field.type) {
    case FieldType::Katakana:
        if (auto furigana = forms::furiganaFromInput(text)) {
            return *furigana;
        }
        return text;
    case FieldType::Date: {
        const std::string typed = editor.era == 'W' ? text : std::string(1, editor.era) + text;
        if (auto date = forms::parseDateInput(typed)) {
            return forms::isoDate(*date);
        }
        return typed;
    }
    case FieldType::Integer:
        if (text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos) {
            return std::int64_t { std::stoll(text) };
        }
        return text;
    case FieldType::PostalCode:
        if (auto code = forms::parsePostalCode(text)) {
            return *code;
        }
        return text;
    case FieldType::Phone:
        if (auto phone = forms::parsePhoneNumber(text)) {
            return phone->display;
        }
        return text;
    default:
        return text;
    }
}

EditorState editorFor(const forms::Field& field, const forms::FilledValue* current)
{
    EditorState editor;
    editor.fieldKey = field.key;
    if (!current) {
        return editor;
    }
    if (const auto* text = std::get_if<std::string>(&current->value)) {
        editor.text = *text;
        if (field.type == forms::FieldType::Date) {
            if (auto date = forms::parseDateInput(*text)) {
                if (auto wareki = forms::toWareki(*date)) {
                    editor.era = forms::eraLetter(wareki->era);
                    editor.text = std::to_string(wareki->eraYear) + "."
                        + std::to_string(wareki->month) + "." + std::to_string(wareki->day);
                }
            }
        }
    } else if (const auto* number = std::get_if<std::int64_t>(&current->value)) {
        editor.text = std::to_string(*number);
    }
    return editor;
}

} // namespace kakanai::kiosk::detail
