// Names of field types, prefill sources and background papers as written in templates; the
// configuration folder of a template; Diagnostic formatting.
#include "kakanai/forms/template.hpp"

#include <array>
#include <utility>

namespace kakanai::forms {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 11> FIELD_TYPES { {
    { FieldType::Text, "text" },
    { FieldType::Katakana, "katakana" },
    { FieldType::Date, "date" },
    { FieldType::Choice, "choice" },
    { FieldType::MultiChoice, "multi_choice" },
    { FieldType::Integer, "integer" },
    { FieldType::YesNo, "yes_no" },
    { FieldType::PostalCode, "postal_code" },
    { FieldType::Phone, "phone" },
    { FieldType::Address, "address" },
    { FieldType::MyNumber, "my_number" },
} };

constexpr std::array<std::pair<PrefillSource, std::string_view>, 12> SOURCES { {
    { PrefillSource::None, "none" },
    { PrefillSource::CardName, "card.name" },
    { PrefillSource::CardAddress, "card.address" },
    { PrefillSource::CardBirthDate, "card.birth_date" },
    { PrefillSource::CardSex, "card.sex" },
    { PrefillSource::CardMyNumber, "card.my_number" },
    { PrefillSource::CardAge, "card.age" },
    { PrefillSource::CardAddressPrefecture, "card.address.prefecture" },
    { PrefillSource::CardAddressMunicipality, "card.address.municipality" },
    { PrefillSource::CardPostalCode, "card.postal_code" },
    { PrefillSource::KioskMunicipality, "kiosk.municipality" },
    { PrefillSource::Today, "today" },
} };

} // namespace

std::optional<FieldType> fieldTypeFromName(std::string_view name)
{
    for (const auto& [type, text] : FIELD_TYPES) {
        if (text == name) {
            return type;
        }
    }
    return std::nullopt;
}

std::string_view fieldTypeName(FieldType type)
{
    for (const auto& [candidate, text] : FIELD_TYPES) {
        if (candidate == type) {
            return text;
        }
    }
    return "?";
}

std::optional<PrefillSource> prefillSourceFromName(std::string_view name)
{
    if (name.empty()) {
        return PrefillSource::None;
    }
    for (const auto& [source, text] : SOURCES) {
        if (text == name) {
            return source;
        }
    }
    return std::nullopt;
}

std::string_view prefillSourceName(PrefillSource source)
{
    for (const auto& [candidate, text] : SOURCES) {
        if (candidate == source) {
            return text;
        }
    }
    return "?";
}

bool prefillFits(PrefillSource source, FieldType type)
{
    switch (source) {
    case PrefillSource::None:
        return true;
    case PrefillSource::CardName:
    case PrefillSource::CardAddressPrefecture:
    case PrefillSource::CardAddressMunicipality:
    case PrefillSource::KioskMunicipality:
        return type == FieldType::Text;
    case PrefillSource::CardAddress:
        return type == FieldType::Address || type == FieldType::Text;
    case PrefillSource::CardBirthDate:
    case PrefillSource::Today:
        return type == FieldType::Date;
    case PrefillSource::CardSex:
        return type == FieldType::Choice;
    case PrefillSource::CardMyNumber:
        return type == FieldType::MyNumber;
    case PrefillSource::CardAge:
        return type == FieldType::Integer;
    case PrefillSource::CardPostalCode:
        return type == FieldType::PostalCode;
    }
    return false;
}

PaperSizeMm paperSize(BackgroundPaper paper)
{
    return paper == BackgroundPaper::B4 ? PaperSizeMm { 257, 364 } : PaperSizeMm { 210, 297 };
}

std::optional<BackgroundPaper> backgroundPaperFromName(std::string_view name)
{
    if (name == "A4") {
        return BackgroundPaper::A4;
    }
    if (name == "B4") {
        return BackgroundPaper::B4;
    }
    return std::nullopt;
}

std::string_view backgroundPaperName(BackgroundPaper paper)
{
    return paper == BackgroundPaper::B4 ? "B4" : "A4";
}

std::filesystem::path configFolderOf(const std::filesystem::path& templateFile)
{
    std::filesystem::path folder = templateFile.parent_path();
    if (folder.filename() == "forms") {
        folder = folder.parent_path();
    }
    return folder;
}

const Option* Field::findOption(std::string_view value) const
{
    for (const auto& option : options) {
        if (option.value == value) {
            return &option;
        }
    }
    return nullptr;
}

const Field* FormTemplate::findField(std::string_view key) const
{
    for (const auto& field : fields) {
        if (field.key == key) {
            return &field;
        }
    }
    return nullptr;
}

ValueMap FilledForm::valueMap() const
{
    ValueMap map = sources;
    for (const auto& [key, filled] : values) {
        map.insert_or_assign(key, filled.value);
    }
    return map;
}

const FilledValue* FilledForm::find(std::string_view key) const
{
    const auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
}

std::string Diagnostic::format() const
{
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    out += ": " + text + " [" + id + "]";
    return out;
}

} // namespace kakanai::forms
