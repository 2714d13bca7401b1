#include "kakanai/forms/prefill.hpp"

#include <array>

namespace kakanai::forms {

namespace {

std::string text(const SecureString& value)
{
    return std::string(value.data(), value.size());
}

std::optional<Date> cardBirthDate(const CardData& card)
{
    auto parsed = parseDateInput(std::string_view(card.birthDate.data(), card.birthDate.size()));
    if (!parsed) {
        return std::nullopt;
    }
    return *parsed;
}

std::optional<AddressParts> cardAddressParts(const CardData& card, const PrefillContext& context)
{
    if (!context.municipalities || card.address.empty()) {
        return std::nullopt;
    }
    auto parts = splitAddress(
        std::string_view(card.address.data(), card.address.size()), *context.municipalities);
    if (!parts) {
        return std::nullopt;
    }
    return *parts;
}

// The postal code only when every candidate row agrees: a guess would put a wrong code on paper.
Value uniquePostalCode(const CardData& card, const PrefillContext& context)
{
    if (!context.postalCodes) {
        return {};
    }
    const auto parts = cardAddressParts(card, context);
    if (!parts) {
        return {};
    }
    const auto candidates = context.postalCodes->suggest(*parts, *context.municipalities);
    if (candidates.empty()) {
        return {};
    }
    for (const auto& candidate : candidates) {
        if (candidate.postalCode != candidates.front().postalCode) {
            return {};
        }
    }
    const std::string& code = candidates.front().postalCode;
    return code.substr(0, 3) + "-" + code.substr(3);
}

FilledValue card(std::string value)
{
    if (value.empty()) {
        return {};
    }
    return FilledValue { std::move(value), ValueOrigin::Card };
}

FilledValue derived(Value value)
{
    if (!isAnswered(value)) {
        return {};
    }
    return FilledValue { std::move(value), ValueOrigin::Derived };
}

} // namespace

FilledValue sourceValue(PrefillSource source, const CardData& data, const PrefillContext& context)
{
    switch (source) {
    case PrefillSource::None:
        return {};
    case PrefillSource::CardName:
        return card(text(data.name));
    case PrefillSource::CardAddress:
        return card(text(data.address));
    case PrefillSource::CardBirthDate:
        return card(text(data.birthDate));
    case PrefillSource::CardSex:
        return card(data.sex);
    case PrefillSource::CardMyNumber:
        return card(text(data.myNumber));
    case PrefillSource::CardAge: {
        const auto birth = cardBirthDate(data);
        const auto age = birth ? ageOn(*birth, context.today) : std::nullopt;
        return age ? derived(std::int64_t { *age }) : FilledValue {};
    }
    case PrefillSource::CardAddressPrefecture: {
        const auto parts = cardAddressParts(data, context);
        return parts ? derived(parts->prefecture) : FilledValue {};
    }
    case PrefillSource::CardAddressMunicipality: {
        const auto parts = cardAddressParts(data, context);
        return parts ? derived(parts->municipality) : FilledValue {};
    }
    case PrefillSource::CardPostalCode:
        return derived(uniquePostalCode(data, context));
    case PrefillSource::KioskMunicipality: {
        if (!context.kiosk) {
            return {};
        }
        const auto it = context.kiosk->municipalityName.find("ja");
        return it == context.kiosk->municipalityName.end() ? FilledValue {} : derived(it->second);
    }
    case PrefillSource::Today:
        return context.today.isValid() ? derived(isoDate(context.today)) : FilledValue {};
    }
    return {};
}

ValueMap conditionSources(const CardData& data, const PrefillContext& context)
{
    static constexpr std::array SOURCES { PrefillSource::CardAge, PrefillSource::CardSex,
        PrefillSource::CardAddressPrefecture, PrefillSource::CardAddressMunicipality,
        PrefillSource::KioskMunicipality, PrefillSource::Today };
    ValueMap sources;
    for (const PrefillSource source : SOURCES) {
        FilledValue filled = sourceValue(source, data, context);
        if (isAnswered(filled.value)) {
            sources.emplace(std::string(prefillSourceName(source)), std::move(filled.value));
        }
    }
    return sources;
}

FilledForm prefill(const FormTemplate& form, const CardData& data, const PrefillContext& context)
{
    FilledForm filled;
    filled.templateId = form.id;
    filled.templateVersion = form.version;
    filled.language = context.language;
    filled.kioskId = context.kioskId;
    filled.createdAt = context.now;
    filled.updatedAt = context.now;
    filled.sources = conditionSources(data, context);
    for (const Field& field : form.fields) {
        if (field.prefill == PrefillSource::CardMyNumber && !field.store) {
            continue; // shown masked by the UI from the card, never kept in the record
        }
        FilledValue value = sourceValue(field.prefill, data, context);
        if (isAnswered(value.value)) {
            filled.values.insert_or_assign(field.key, std::move(value));
            continue;
        }
        if (context.sharedAnswers && !field.shared.empty()) {
            const auto it = context.sharedAnswers->find(field.shared);
            if (it != context.sharedAnswers->end() && isAnswered(it->second)) {
                filled.values.insert_or_assign(
                    field.key, FilledValue { it->second, ValueOrigin::Resident });
                continue;
            }
        }
        if (context.preset) {
            const auto it = context.preset->find(field.key);
            if (it != context.preset->end() && isAnswered(it->second)) {
                filled.values.insert_or_assign(
                    field.key, FilledValue { it->second, ValueOrigin::Resident });
            }
        }
    }
    return filled;
}

} // namespace kakanai::forms
