// prefill(template, card, context): the first step of filling a form at the kiosk. Each field
// with a `prefill` source gets its value from the card, from data derived from the card (age,
// prefecture, municipality, postal code) or from the kiosk (municipality, today), with its origin
// marked so the UI can show what came from the card and staff can see what was typed. Answers the
// resident already gave in this visit (shared keys) and a life event's presets come next.
//
// Card values are copied verbatim, even when they would not validate (validate() flags them).
// A derived value that cannot be worked out (an address the municipality list does not know, a
// postal code that is not unique) is left empty for the resident, never guessed.
// A my_number field gets the card's number only when the template stores it (`store = true`).
//
// Errors: none. prefill never fails and never throws for bad data; the context's directories
// may be null (the derived sources that need them stay empty).
#pragma once

#include "kakanai/forms/address.hpp"
#include "kakanai/forms/card_data.hpp"
#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/forms/wareki.hpp"

#include <string>

namespace kakanai::forms {

struct PrefillContext
{
    Date today; // the kiosk's local date (from its clock)
    std::string now; // ISO 8601 timestamp with offset for createdAt/updatedAt
    std::string language = "ja";
    std::string kioskId;
    const KioskConfig* kiosk = nullptr;
    const MunicipalityDirectory* municipalities = nullptr; // card.address.prefecture/municipality
    const PostalDirectory* postalCodes = nullptr; // card.postal_code
    /** Answers already given in this visit, by shared key (phone, furigana, moving_date, ...). */
    const ValueMap* sharedAnswers = nullptr;
    /** A life event's presets for this form, by field key (move_kind = "tennyu"). */
    const ValueMap* preset = nullptr;
};

/** The value a source gives for this card and context (monostate when it cannot be known),
 *  and its origin (Card for values read from the chip, Derived for the rest). */
FilledValue sourceValue(PrefillSource source, const CardData& card, const PrefillContext& context);

/** The sources conditions may use, stored in FilledForm::sources: card.age, card.sex,
 *  card.address.prefecture, card.address.municipality, kiosk.municipality, today. (Not the
 *  name, address, birth date, postal code or number: `when` and rules never need them.) */
ValueMap conditionSources(const CardData& card, const PrefillContext& context);

FilledForm prefill(const FormTemplate& form, const CardData& card, const PrefillContext& context);

} // namespace kakanai::forms
