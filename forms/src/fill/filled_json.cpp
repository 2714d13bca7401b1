#include "kakanai/forms/filled_json.hpp"

#include <nlohmann/json.hpp>

namespace kakanai::forms {

namespace {

// ordered_json keeps insertion order, so the output is stable and reads top-down.
using Json = nlohmann::ordered_json;

Json valueToJson(const Value& value)
{
    return std::visit(
        [](const auto& v) -> Json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return nullptr;
            } else {
                return Json(v);
            }
        },
        value);
}

FilledJsonError error(std::string id, std::string detail)
{
    return FilledJsonError { std::move(id), std::move(detail) };
}

Result<Value, FilledJsonError> valueFromJson(const Json& json, const std::string& key)
{
    if (json.is_boolean()) {
        return Value { json.get<bool>() };
    }
    if (json.is_number_integer()) {
        if (json.is_number_unsigned() && json.get<std::uint64_t>() > INT64_MAX) {
            return fail(error("json.bad-value", "value of \"" + key + "\" is out of range"));
        }
        return Value { json.get<std::int64_t>() };
    }
    if (json.is_string()) {
        return Value { json.get<std::string>() };
    }
    if (json.is_array()) {
        std::vector<std::string> list;
        list.reserve(json.size());
        for (const auto& item : json) {
            if (!item.is_string()) {
                return fail(error(
                    "json.bad-value", "value of \"" + key + "\" must be an array of strings"));
            }
            list.push_back(item.get<std::string>());
        }
        return Value { std::move(list) };
    }
    return fail(error("json.bad-value",
        "value of \"" + key + "\" must be a string, an integer, a boolean or a list of strings"));
}

Result<std::string, FilledJsonError> stringMember(
    const Json& object, const char* key, bool required)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            return fail(error("json.missing-key", std::string("missing \"") + key + "\""));
        }
        return std::string();
    }
    if (!it->is_string()) {
        return fail(error("json.wrong-type", std::string("\"") + key + "\" must be a string"));
    }
    return it->get<std::string>();
}

Result<FilledValue, FilledJsonError> filledValueFromJson(const Json& json, const std::string& key)
{
    if (!json.is_object()) {
        return fail(error("json.wrong-type", "\"values." + key + "\" must be an object"));
    }
    const auto value = json.find("value");
    if (value == json.end()) {
        return fail(error("json.missing-key", "missing \"values." + key + ".value\""));
    }
    auto parsed = valueFromJson(*value, key);
    if (!parsed) {
        return parsed.failure();
    }
    auto originText = stringMember(json, "origin", true);
    if (!originText) {
        return fail(
            error(originText.error().id, "values." + key + ": " + originText.error().detail));
    }
    const auto origin = originFromName(*originText);
    if (!origin) {
        return fail(error("json.bad-origin",
            "values." + key + ".origin must be card, derived, resident or staff"));
    }
    return FilledValue { std::move(*parsed), *origin };
}

} // namespace

std::string_view originName(ValueOrigin origin)
{
    switch (origin) {
    case ValueOrigin::Card:
        return "card";
    case ValueOrigin::Derived:
        return "derived";
    case ValueOrigin::Resident:
        return "resident";
    case ValueOrigin::Staff:
        return "staff";
    }
    return "resident";
}

std::optional<ValueOrigin> originFromName(std::string_view name)
{
    for (const ValueOrigin origin :
        { ValueOrigin::Card, ValueOrigin::Derived, ValueOrigin::Resident, ValueOrigin::Staff }) {
        if (originName(origin) == name) {
            return origin;
        }
    }
    return std::nullopt;
}

std::string toJson(const FilledForm& form, int indent)
{
    Json json;
    json["format"] = FILLED_FORM_FORMAT;
    json["format_version"] = FILLED_FORM_FORMAT_VERSION;
    if (!form.recordId.empty()) {
        json["id"] = form.recordId;
    }
    json["template_id"] = form.templateId;
    json["template_version"] = form.templateVersion;
    json["language"] = form.language;
    json["kiosk"] = form.kioskId;
    json["created_at"] = form.createdAt;
    json["updated_at"] = form.updatedAt;
    Json values = Json::object();
    for (const auto& [key, filled] : form.values) {
        if (!isAnswered(filled.value)) {
            continue;
        }
        Json entry;
        entry["value"] = valueToJson(filled.value);
        entry["origin"] = originName(filled.origin);
        values[key] = std::move(entry);
    }
    json["values"] = std::move(values);
    Json sources = Json::object();
    for (const auto& [key, value] : form.sources) {
        if (isAnswered(value)) {
            sources[key] = valueToJson(value);
        }
    }
    json["sources"] = std::move(sources);
    if (!form.residentFlags.empty()) {
        json["flags"] = form.residentFlags;
    }
    // Invalid UTF-8 in a value is replaced, not thrown on: the form still round-trips and
    // validate() reports the field (field.invalid-text) before anyone relies on it.
    return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Result<FilledForm, FilledJsonError> parseFilledJson(std::string_view text)
{
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return fail(error("json.syntax", "not valid JSON"));
    }
    if (!json.is_object()) {
        return fail(error("json.not-object", "a filled form must be a JSON object"));
    }
    auto format = stringMember(json, "format", true);
    if (!format) {
        return format.failure();
    }
    if (*format != FILLED_FORM_FORMAT) {
        return fail(error("json.wrong-format", "\"format\" is not kakanai.filled-form"));
    }
    const auto version = json.find("format_version");
    if (version == json.end() || !version->is_number_integer()) {
        return fail(error("json.missing-key", "missing integer \"format_version\""));
    }
    if (version->get<std::int64_t>() != FILLED_FORM_FORMAT_VERSION) {
        return fail(error("json.unsupported-version",
            "format_version " + std::to_string(version->get<std::int64_t>())
                + " is not supported (this build reads version 1)"));
    }
    FilledForm form;
    struct StringKey
    {
        const char* key;
        std::string* target;
        bool required;
    };
    for (const StringKey& member : { StringKey { "id", &form.recordId, false },
             StringKey { "template_id", &form.templateId, true },
             StringKey { "language", &form.language, false },
             StringKey { "kiosk", &form.kioskId, false },
             StringKey { "created_at", &form.createdAt, false },
             StringKey { "updated_at", &form.updatedAt, false } }) {
        auto value = stringMember(json, member.key, member.required);
        if (!value) {
            return value.failure();
        }
        *member.target = std::move(*value);
    }
    if (form.language.empty()) {
        form.language = "ja";
    }
    const auto templateVersion = json.find("template_version");
    if (templateVersion == json.end() || !templateVersion->is_number_integer()) {
        return fail(error("json.missing-key", "missing integer \"template_version\""));
    }
    form.templateVersion = templateVersion->get<std::int64_t>();
    const auto values = json.find("values");
    if (values == json.end() || !values->is_object()) {
        return fail(error("json.missing-key", "missing object \"values\""));
    }
    for (const auto& [key, entry] : values->items()) {
        auto filled = filledValueFromJson(entry, key);
        if (!filled) {
            return filled.failure();
        }
        form.values.insert_or_assign(key, std::move(*filled));
    }
    const auto sources = json.find("sources");
    if (sources != json.end()) {
        if (!sources->is_object()) {
            return fail(error("json.wrong-type", "\"sources\" must be an object"));
        }
        for (const auto& [key, entry] : sources->items()) {
            auto value = valueFromJson(entry, key);
            if (!value) {
                return value.failure();
            }
            form.sources.insert_or_assign(key, std::move(*value));
        }
    }
    const auto flags = json.find("flags");
    if (flags != json.end()) {
        if (!flags->is_array()) {
            return fail(error("json.wrong-type", "\"flags\" must be an array of field keys"));
        }
        for (const auto& flag : *flags) {
            if (!flag.is_string()) {
                return fail(error("json.wrong-type", "\"flags\" must be an array of field keys"));
            }
            form.residentFlags.push_back(flag.get<std::string>());
        }
    }
    return form;
}

} // namespace kakanai::forms
