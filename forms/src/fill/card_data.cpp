#include "kakanai/forms/card_data.hpp"

#include <nlohmann/json.hpp>

namespace kakanai::forms {

namespace {

using Json = nlohmann::json;

// Reads an optional string member; null and absent give "". Anything else is an error.
Result<Ok, CardJsonError> readString(const Json& object, const char* key, SecureString& out)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return Ok {};
    }
    if (!it->is_string()) {
        return fail(CardJsonError { CardJsonError::Kind::WrongType,
            std::string("card JSON: \"") + key + "\" must be a string" });
    }
    const auto& text = it->get_ref<const std::string&>();
    assignSecure(out, text);
    return Ok {};
}

} // namespace

Result<CardData, CardJsonError> parseCardJson(std::string_view json)
{
    Json document = Json::parse(json, nullptr, false);
    if (document.is_discarded()) {
        return fail(CardJsonError { CardJsonError::Kind::NotJson, "card JSON: not valid JSON" });
    }
    if (!document.is_object()) {
        return fail(
            CardJsonError { CardJsonError::Kind::NotAnObject, "card JSON: not a JSON object" });
    }
    CardData card;
    SecureString sex;
    SecureString rawBirthDate;
    for (const auto& [key, target] : { std::pair { "name", &card.name },
             std::pair { "address", &card.address }, std::pair { "birth_date", &card.birthDate },
             std::pair { "birth_date_raw", &rawBirthDate }, std::pair { "sex", &sex },
             std::pair { "my_number", &card.myNumber } }) {
        auto read = readString(document, key, *target);
        if (!read) {
            return read.failure();
        }
    }
    if (card.birthDate.empty()) {
        card.birthDate = std::move(rawBirthDate); // an invalid date stays visible to staff
    }
    card.sex.assign(sex.data(), sex.size());
    // The parsed document holds copies of personal data; overwrite them before it is freed.
    for (auto& [key, value] : document.items()) {
        if (value.is_string()) {
            auto& text = value.get_ref<std::string&>();
            secureZero(text.data(), text.size());
        }
    }
    return card;
}

} // namespace kakanai::forms
