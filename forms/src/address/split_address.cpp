// Longest-prefix matching of prefecture and municipality names, and splitAddress().
#include "address/directory_data.hpp"
#include "address/text_fold.hpp"

#include <utility>

namespace kakanai::forms {

namespace {

// Longest of `names` that `text` starts with; `entryOf(i)` gives the entry of names[i].
template <class T, class Names, class EntryOf>
PrefixMatch<T> longestMatch(const address::FoldedText& text, const Names& names, EntryOf entryOf)
{
    PrefixMatch<T> best;
    std::size_t bestChars = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::u32string& name = names[i];
        if (name.empty() || name.size() < bestChars || name.size() > text.chars.size()
            || text.chars.compare(0, name.size(), name) != 0) {
            continue;
        }
        const T* entry = entryOf(i);
        if (name.size() == bestChars && best.entry != nullptr && best.entry != entry) {
            best.ambiguous = true;
        } else if (name.size() > bestChars) {
            best = PrefixMatch<T> { entry, text.ends[name.size() - 1], false };
            bestChars = name.size();
        }
    }
    if (best.ambiguous) {
        best.entry = nullptr;
    }
    return best;
}

// A vector-like view of the folded names of a prefecture's forms.
struct FormNames
{
    const std::vector<MunicipalityDirectory::Data::Form>& forms;
    std::size_t size() const { return forms.size(); }
    const std::u32string& operator[](std::size_t i) const { return forms[i].folded; }
};

} // namespace

const char* toString(AddressError::Code code) noexcept
{
    switch (code) {
    case AddressError::Code::Empty:
        return "empty address";
    case AddressError::Code::InvalidUtf8:
        return "invalid UTF-8";
    case AddressError::Code::UnknownPrefecture:
        return "unknown prefecture";
    case AddressError::Code::UnknownMunicipality:
        return "unknown municipality";
    case AddressError::Code::AmbiguousMunicipality:
        return "ambiguous municipality";
    case AddressError::Code::MissingWard:
        return "designated city without a known ward";
    case AddressError::Code::MalformedPostalCode:
        return "malformed postal code";
    case AddressError::Code::UnknownPostalCode:
        return "unknown postal code";
    }
    return "unknown address error";
}

PrefixMatch<Prefecture> MunicipalityDirectory::matchPrefecture(std::string_view text) const
{
    const auto folded = address::foldText(text);
    if (!folded) {
        return {};
    }
    return longestMatch<Prefecture>(*folded, m_data->prefectureNames,
        [this](std::size_t i) { return &m_data->prefectures[i]; });
}

PrefixMatch<Municipality> MunicipalityDirectory::matchMunicipality(
    const Prefecture& prefecture, std::string_view text) const
{
    const Prefecture* pref = findPrefecture(prefecture.code);
    const auto folded = address::foldText(text);
    if (pref == nullptr || !folded) {
        return {};
    }
    const auto& forms = m_data->forms[static_cast<std::size_t>(pref - m_data->prefectures.data())];
    return longestMatch<Municipality>(*folded, FormNames { forms },
        [&](std::size_t i) { return &m_data->municipalities[forms[i].index]; });
}

Result<AddressParts, AddressError> splitAddress(
    std::string_view address, const MunicipalityDirectory& directory)
{
    using Code = AddressError::Code;
    if (!address::foldText(address)) {
        return fail(AddressError { Code::InvalidUtf8, 0 });
    }
    std::size_t pos = address::leadingSpaces(address);
    if (pos == address.size()) {
        return fail(AddressError { Code::Empty, 0 });
    }
    const auto pref = directory.matchPrefecture(address.substr(pos));
    if (pref.entry == nullptr) {
        return fail(AddressError { Code::UnknownPrefecture, pos });
    }
    AddressParts parts;
    parts.prefecture = address.substr(pos, pref.length);
    pos += pref.length;
    pos += address::leadingSpaces(address.substr(pos));

    const auto city = directory.matchMunicipality(*pref.entry, address.substr(pos));
    if (city.ambiguous) {
        return fail(AddressError { Code::AmbiguousMunicipality, pos });
    }
    if (city.entry == nullptr) {
        return fail(AddressError { Code::UnknownMunicipality, pos });
    }
    if (city.entry->designatedCity) {
        return fail(AddressError { Code::MissingWard, pos + city.length });
    }
    parts.municipality = address.substr(pos, city.length);
    parts.localGovernmentCode = city.entry->code;
    parts.officialMunicipality = city.entry->fullName();
    parts.rest = address.substr(pos + city.length);
    return parts;
}

} // namespace kakanai::forms
