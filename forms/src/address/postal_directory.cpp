// PostalDirectory: postal_codes.csv (derived from 日本郵便 KEN_ALL), lookup and suggestions.
#include "address/directory_data.hpp"
#include "address/text_fold.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace kakanai::forms {

namespace {

constexpr const char* postalFile = "postal_codes.csv";

std::uint32_t toNumber(std::string_view digits)
{
    std::uint32_t value = 0;
    for (const char c : digits) {
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return value;
}

std::string where(std::size_t line, std::string_view what)
{
    return std::string(postalFile) + ":" + std::to_string(line) + ": " + std::string(what);
}

// "1000013", "100-0013", "〒１００－００１３" → 1000013; -1 if malformed.
long parsePostalCode(std::string_view text)
{
    const auto folded = address::foldText(text);
    if (!folded) {
        return -1;
    }
    long value = 0;
    int digits = 0;
    bool hyphen = false;
    for (std::size_t i = 0; i < folded->chars.size(); ++i) {
        const char32_t c = folded->chars[i];
        if (c >= U'0' && c <= U'9') {
            value = value * 10 + static_cast<long>(c - U'0');
            ++digits;
        } else if (c >= U'\uFF10' && c <= U'\uFF19') { // full-width digits
            value = value * 10 + static_cast<long>(c - U'\uFF10');
            ++digits;
        } else if ((c == U'-' || c == U'\uFF0D' || c == U'\u30FC' || c == U'\u2010'
                       || c == U'\u2212')
            && digits == 3 && !hyphen) {
            hyphen = true;
        } else if ((c == U'\u3012' && digits == 0) || c == U' ' || c == U'\u3000') {
            if (digits > 0 && digits < 7) {
                return -1;
            }
        } else {
            return -1;
        }
        if (digits > 7) {
            return -1;
        }
    }
    return digits == 7 ? value : -1;
}

// 「霞が関（次のビルを除く）」 → 霞が関 + 次のビルを除く.
std::pair<std::string_view, std::string_view> splitTown(std::string_view town)
{
    static constexpr std::string_view open = "\xEF\xBC\x88"; // （
    static constexpr std::string_view close = "\xEF\xBC\x89"; // ）
    const std::size_t start = town.find(open);
    if (start == std::string_view::npos || town.size() < close.size()
        || town.substr(town.size() - close.size()) != close) {
        return { town, {} };
    }
    const std::size_t noteStart = start + open.size();
    return { town.substr(0, start),
        town.substr(noteStart, town.size() - close.size() - noteStart) };
}

} // namespace

PostalDirectory::PostalDirectory(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

Result<PostalDirectory, std::string> PostalDirectory::load(const std::filesystem::path& dataDir)
{
    auto text = address::readFile(dataDir / postalFile);
    if (!text) {
        return fail(where(0, "cannot read " + (dataDir / postalFile).string()));
    }
    if (text->size() >= std::numeric_limits<std::uint32_t>::max()) {
        return fail(where(0, "file too large"));
    }
    auto data = std::make_shared<Data>();
    data->text = std::move(*text);
    const std::string_view all = data->text;
    std::size_t start = 0;
    std::size_t lineNumber = 0;
    while (start < all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string_view::npos) {
            end = all.size();
        }
        std::string_view line = all.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (lineNumber == 1) {
            if (line != "postal_code,lg_code,town") {
                return fail(where(1, "expected the header postal_code,lg_code,town"));
            }
            continue;
        }
        if (line.empty()) {
            continue;
        }
        const auto f = address::splitFields(line);
        if (f.size() != 3 || !address::isDigits(f[0], 7) || !address::isDigits(f[1], 5)) {
            return fail(where(lineNumber, "expected postal_code(7 digits),lg_code(5),town"));
        }
        const auto townOffset = static_cast<std::size_t>(f[2].data() - all.data());
        data->rows.push_back(Data::Row { toNumber(f[0]), toNumber(f[1]),
            static_cast<std::uint32_t>(townOffset), static_cast<std::uint32_t>(f[2].size()) });
    }
    const auto rowCount = static_cast<std::uint32_t>(data->rows.size());
    for (std::uint32_t i = 0; i < rowCount; ++i) {
        data->byPostalCode.push_back(i);
    }
    data->byMunicipality = data->byPostalCode;
    const auto& rows = data->rows;
    std::stable_sort(data->byPostalCode.begin(), data->byPostalCode.end(),
        [&](std::uint32_t a, std::uint32_t b) { return rows[a].postalCode < rows[b].postalCode; });
    std::stable_sort(data->byMunicipality.begin(), data->byMunicipality.end(),
        [&](std::uint32_t a, std::uint32_t b) {
            return rows[a].municipalityCode < rows[b].municipalityCode;
        });
    return PostalDirectory(std::move(data));
}

std::size_t PostalDirectory::size() const
{
    return m_data->rows.size();
}

namespace {

// Builds the candidate of one row; false if its municipality is not in the directory.
bool makeCandidate(const PostalDirectory::Data& data, std::uint32_t rowIndex,
    const MunicipalityDirectory& directory, PostalCandidate& out)
{
    const auto& row = data.rows[rowIndex];
    std::array<char, 6> code5 {};
    auto code = row.municipalityCode;
    for (int i = 4; i >= 0; --i) {
        code5[static_cast<std::size_t>(i)] = static_cast<char>('0' + code % 10);
        code /= 10;
    }
    const Municipality* m = directory.findByCode(std::string_view(code5.data(), 5));
    if (m == nullptr) {
        return false;
    }
    out.postalCode = std::to_string(row.postalCode);
    out.postalCode.insert(0, 7 - out.postalCode.size(), '0');
    out.prefecture = m->prefecture;
    out.municipality = m->fullName();
    out.localGovernmentCode = m->code;
    const auto [town, note]
        = splitTown(std::string_view(data.text).substr(row.townOffset, row.townLength));
    out.town = town;
    out.townNote = note;
    return true;
}

} // namespace

Result<std::vector<PostalCandidate>, AddressError> PostalDirectory::lookup(
    std::string_view postalCode, const MunicipalityDirectory& directory) const
{
    const long value = parsePostalCode(postalCode);
    if (value < 0) {
        return fail(AddressError { AddressError::Code::MalformedPostalCode, 0 });
    }
    const auto code = static_cast<std::uint32_t>(value);
    const auto& rows = m_data->rows;
    const auto& index = m_data->byPostalCode;
    auto it = std::lower_bound(index.begin(), index.end(), code,
        [&](std::uint32_t row, std::uint32_t wanted) { return rows[row].postalCode < wanted; });
    std::vector<PostalCandidate> candidates;
    for (; it != index.end() && rows[*it].postalCode == code; ++it) {
        PostalCandidate candidate;
        if (makeCandidate(*m_data, *it, directory, candidate)) {
            candidates.push_back(std::move(candidate));
        }
    }
    if (candidates.empty()) {
        return fail(AddressError { AddressError::Code::UnknownPostalCode, 0 });
    }
    return candidates;
}

std::vector<PostalCandidate> PostalDirectory::suggest(
    const AddressParts& address, const MunicipalityDirectory& directory) const
{
    const Municipality* municipality = directory.findByCode(address.localGovernmentCode);
    const auto rest = address::foldText(address.rest);
    if (municipality == nullptr || !rest) {
        return {};
    }
    const auto code = toNumber(std::string_view(municipality->code).substr(0, 5));
    const auto& rows = m_data->rows;
    const auto& index = m_data->byMunicipality;
    const auto first = std::lower_bound(
        index.begin(), index.end(), code, [&](std::uint32_t row, std::uint32_t wanted) {
            return rows[row].municipalityCode < wanted;
        });
    auto last = first;
    while (last != index.end() && rows[*last].municipalityCode == code) {
        ++last;
    }
    // The rest as written, and without a leading 大字 or 字 (KEN_ALL mostly omits them).
    std::vector<std::u32string_view> variants { rest->chars };
    for (const std::u32string_view prefix : { U"大字", U"字" }) {
        if (rest->chars.starts_with(prefix)) {
            variants.push_back(std::u32string_view(rest->chars).substr(prefix.size()));
        }
    }
    std::size_t bestLength = 0;
    std::vector<std::uint32_t> best;
    std::vector<std::uint32_t> fallback;
    for (auto it = first; it != last; ++it) {
        const auto& row = rows[*it];
        const auto town
            = splitTown(std::string_view(m_data->text).substr(row.townOffset, row.townLength))
                  .first;
        if (town.empty()) {
            fallback.push_back(*it);
            continue;
        }
        const auto folded = address::foldName(town);
        for (const auto variant : variants) {
            if (folded.empty() || !variant.starts_with(folded) || folded.size() < bestLength) {
                continue;
            }
            if (folded.size() > bestLength) {
                bestLength = folded.size();
                best.clear();
            }
            if (std::find(best.begin(), best.end(), *it) == best.end()) {
                best.push_back(*it);
            }
        }
    }
    std::vector<PostalCandidate> candidates;
    for (const auto row : best.empty() ? fallback : best) {
        PostalCandidate candidate;
        if (makeCandidate(*m_data, row, directory, candidate)) {
            candidates.push_back(std::move(candidate));
        }
    }
    return candidates;
}

} // namespace kakanai::forms
