// MunicipalityDirectory: loading abr_mt_city_all.csv and looking up prefectures/municipalities.
#include "address/directory_data.hpp"
#include "address/text_fold.hpp"

#include <algorithm>
#include <set>
#include <utility>

#ifndef KAKANAI_DEFAULT_CONFIG_DIR
#define KAKANAI_DEFAULT_CONFIG_DIR "config"
#endif

namespace kakanai::forms {

using address::foldName;
using address::isDigits;

namespace {

constexpr const char* cityFile = "abr_mt_city_all.csv";
constexpr const char* aliasFile = "municipality_aliases.csv";
constexpr std::size_t cityColumns = 16;

std::uint32_t toNumber(std::string_view digits)
{
    std::uint32_t value = 0;
    for (const char c : digits) {
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return value;
}

std::string where(const char* file, std::size_t line, std::string_view what)
{
    return std::string(file) + ":" + std::to_string(line) + ": " + std::string(what);
}

using Data = MunicipalityDirectory::Data;

// Adds one ABR row; returns an error message or an empty string.
std::string addCityRow(Data& data, const std::vector<std::string_view>& f)
{
    if (f.size() != cityColumns) {
        return "expected 16 columns";
    }
    if (!isValidLocalGovernmentCode(f[0])) {
        return "bad lg_code (not 6 digits with a valid check digit)";
    }
    if (f[1].empty() || f[7].empty()) {
        return "empty pref or city";
    }
    const auto prefNumber = toNumber(f[0].substr(0, 2));
    if (prefNumber < 1 || prefNumber > 47) {
        return "prefecture code outside 01..47";
    }
    int& prefIndex = data.prefectureIndex[prefNumber];
    if (prefIndex < 0) {
        prefIndex = static_cast<int>(data.prefectures.size());
        std::string code(f[0].substr(0, 2));
        code += "000";
        code += static_cast<char>('0' + localGovernmentCheckDigit(code));
        data.prefectures.push_back(Prefecture { code, std::string(f[1]), std::string(f[2]) });
    } else if (data.prefectures[static_cast<std::size_t>(prefIndex)].name != f[1]) {
        return "prefecture name differs from an earlier row with the same code";
    }
    Municipality m;
    m.code = f[0];
    m.prefecture = f[1];
    m.county = f[4];
    m.countyKana = f[5];
    m.city = f[7];
    m.cityKana = f[8];
    m.ward = f[10];
    m.wardKana = f[11];
    data.municipalities.push_back(std::move(m));
    return {};
}

// Sorts, checks for duplicates, marks designated cities and builds the folded name forms.
std::string index(Data& data)
{
    std::sort(data.municipalities.begin(), data.municipalities.end(),
        [](const Municipality& a, const Municipality& b) { return a.code < b.code; });
    std::set<std::pair<std::string, std::string>> citiesWithWards;
    for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
        const Municipality& m = data.municipalities[i];
        if (i > 0 && data.municipalities[i - 1].code.compare(0, 5, m.code, 0, 5) == 0) {
            return "duplicate lg_code " + m.code;
        }
        if (!m.ward.empty()) {
            citiesWithWards.emplace(m.prefecture, m.city);
        }
    }
    // Prefectures by code; remap the index table.
    std::sort(data.prefectures.begin(), data.prefectures.end(),
        [](const Prefecture& a, const Prefecture& b) { return a.code < b.code; });
    data.prefectureIndex.fill(-1);
    for (std::size_t i = 0; i < data.prefectures.size(); ++i) {
        data.prefectureIndex[toNumber(data.prefectures[i].code.substr(0, 2))] = static_cast<int>(i);
        data.prefectureNames.push_back(foldName(data.prefectures[i].name));
    }
    data.forms.assign(data.prefectures.size(), {});
    for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
        Municipality& m = data.municipalities[i];
        m.designatedCity = m.ward.empty() && citiesWithWards.count({ m.prefecture, m.city }) > 0;
        data.codes.push_back(toNumber(std::string_view(m.code).substr(0, 5)));
        auto& forms = data.forms[static_cast<std::size_t>(
            data.prefectureIndex[toNumber(std::string_view(m.code).substr(0, 2))])];
        const auto index = static_cast<std::uint32_t>(i);
        forms.push_back({ foldName(m.fullName()), index });
        if (!m.county.empty()) {
            forms.push_back({ foldName(m.name()), index });
        }
    }
    return {};
}

// Reads the optional alias file: lg_code,alias.
std::string loadAliases(Data& data, const std::filesystem::path& dataDir)
{
    std::error_code ec;
    if (!std::filesystem::exists(dataDir / aliasFile, ec)) {
        return {};
    }
    const auto text = address::readFile(dataDir / aliasFile);
    if (!text) {
        return where(aliasFile, 0, "cannot read");
    }
    const auto lines = address::splitLines(*text);
    if (lines.empty() || lines[0] != "lg_code,alias") {
        return where(aliasFile, 1, "expected the header lg_code,alias");
    }
    for (std::size_t n = 1; n < lines.size(); ++n) {
        if (lines[n].empty()) {
            continue;
        }
        const auto f = address::splitFields(lines[n]);
        if (f.size() != 2 || !isDigits(f[0], 6) || f[1].empty() || foldName(f[1]).empty()) {
            return where(aliasFile, n + 1, "expected lg_code,alias");
        }
        const auto code = toNumber(f[0].substr(0, 5));
        const auto it = std::lower_bound(data.codes.begin(), data.codes.end(), code);
        if (it == data.codes.end() || *it != code
            || data.municipalities[static_cast<std::size_t>(it - data.codes.begin())].code
                != f[0]) {
            return where(aliasFile, n + 1, "unknown lg_code");
        }
        const auto index = static_cast<std::uint32_t>(it - data.codes.begin());
        data.forms[static_cast<std::size_t>(data.prefectureIndex[code / 1000])].push_back(
            { foldName(f[1]), index });
    }
    return {};
}

} // namespace

int localGovernmentCheckDigit(std::string_view fiveDigits) noexcept
{
    if (!isDigits(fiveDigits, 5)) {
        return -1;
    }
    static constexpr int weights[5] = { 6, 5, 4, 3, 2 };
    int sum = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        sum += (fiveDigits[i] - '0') * weights[i];
    }
    return (11 - sum % 11) % 10;
}

bool isValidLocalGovernmentCode(std::string_view code) noexcept
{
    return isDigits(code, 6) && localGovernmentCheckDigit(code.substr(0, 5)) == code[5] - '0';
}

MunicipalityDirectory::MunicipalityDirectory(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

Result<MunicipalityDirectory, std::string> MunicipalityDirectory::load(
    const std::filesystem::path& dataDir)
{
    const auto text = address::readFile(dataDir / cityFile);
    if (!text) {
        return fail(where(cityFile, 0, "cannot read " + (dataDir / cityFile).string()));
    }
    const auto lines = address::splitLines(*text);
    if (lines.empty()) {
        return fail(where(cityFile, 1, "empty file"));
    }
    const auto header = address::splitFields(lines[0]);
    if (header.size() != cityColumns || header[0] != "lg_code" || header[1] != "pref"
        || header[4] != "county" || header[7] != "city" || header[10] != "ward") {
        return fail(where(cityFile, 1, "unexpected header (not the ABR mt_city_all.csv)"));
    }
    auto data = std::make_shared<Data>();
    data->prefectureIndex.fill(-1);
    for (std::size_t n = 1; n < lines.size(); ++n) {
        if (lines[n].empty()) {
            continue;
        }
        if (auto error = addCityRow(*data, address::splitFields(lines[n])); !error.empty()) {
            return fail(where(cityFile, n + 1, error));
        }
    }
    if (data->prefectures.size() != 47) {
        return fail(where(cityFile, lines.size(),
            "expected 47 prefectures, found " + std::to_string(data->prefectures.size())));
    }
    if (auto error = index(*data); !error.empty()) {
        return fail(where(cityFile, 0, error));
    }
    if (auto error = loadAliases(*data, dataDir); !error.empty()) {
        return fail(std::move(error));
    }
    return MunicipalityDirectory(std::move(data));
}

std::filesystem::path MunicipalityDirectory::defaultDataDir()
{
    return std::filesystem::path(KAKANAI_DEFAULT_CONFIG_DIR) / "data";
}

const std::vector<Prefecture>& MunicipalityDirectory::prefectures() const
{
    return m_data->prefectures;
}

const std::vector<Municipality>& MunicipalityDirectory::municipalities() const
{
    return m_data->municipalities;
}

const Prefecture* MunicipalityDirectory::findPrefecture(std::string_view nameOrCode) const noexcept
{
    std::uint32_t number = 0;
    if (isDigits(nameOrCode, 2)) {
        number = toNumber(nameOrCode);
    } else if (isValidLocalGovernmentCode(nameOrCode) && nameOrCode.substr(2, 3) == "000") {
        number = toNumber(nameOrCode.substr(0, 2));
    } else {
        try {
            const auto folded = foldName(nameOrCode);
            for (std::size_t i = 0; i < m_data->prefectures.size(); ++i) {
                if (!folded.empty() && m_data->prefectureNames[i] == folded) {
                    return &m_data->prefectures[i];
                }
            }
        } catch (const std::bad_alloc&) {
        }
        return nullptr;
    }
    if (number >= m_data->prefectureIndex.size() || m_data->prefectureIndex[number] < 0) {
        return nullptr;
    }
    return &m_data->prefectures[static_cast<std::size_t>(m_data->prefectureIndex[number])];
}

const Municipality* MunicipalityDirectory::findByCode(std::string_view code) const noexcept
{
    if (code.size() == 6 ? !isValidLocalGovernmentCode(code) : !isDigits(code, 5)) {
        return nullptr;
    }
    const auto number = toNumber(code.substr(0, 5));
    const auto it = std::lower_bound(m_data->codes.begin(), m_data->codes.end(), number);
    if (it == m_data->codes.end() || *it != number) {
        return nullptr;
    }
    return &m_data->municipalities[static_cast<std::size_t>(it - m_data->codes.begin())];
}

const Municipality* MunicipalityDirectory::findByName(
    std::string_view prefecture, std::string_view name) const
{
    const Prefecture* pref = findPrefecture(prefecture);
    const auto folded = foldName(name);
    if (pref == nullptr || folded.empty()) {
        return nullptr;
    }
    const auto& forms = m_data->forms[static_cast<std::size_t>(pref - m_data->prefectures.data())];
    const Municipality* found = nullptr;
    for (const auto& form : forms) {
        if (form.folded == folded) {
            const Municipality* m = &m_data->municipalities[form.index];
            if (found != nullptr && found != m) {
                return nullptr; // ambiguous
            }
            found = m;
        }
    }
    return found;
}

} // namespace kakanai::forms
