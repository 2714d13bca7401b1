// Japanese addresses as printed on the My Number card: the directory of prefectures and
// municipalities with their 全国地方公共団体コード, splitting an address into prefecture /
// municipality / rest by longest match against that directory, and postal-code lookup.
//
// Data: config/data/ (see its README.md): デジタル庁 ABR 市区町村マスター (1,918 codes incl. the
// 171 wards of designated cities) and postal codes derived from 日本郵便 KEN_ALL.
//
// Errors: nothing here throws for bad input (only std::bad_alloc can escape). load() returns
// Result<…, std::string> whose message names the file and line. Splitting and postal lookup
// return AddressError (Code below); find…() returns nullptr. No error carries the address text.
#pragma once

#include <kakanai/base/result.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms {

/** Check digit (0–9) of a 5-digit 地方公共団体コード: weights 6,5,4,3,2, sum mod 11, (11 − r) mod
 *  10. Returns -1 if `fiveDigits` is not exactly 5 ASCII digits. */
int localGovernmentCheckDigit(std::string_view fiveDigits) noexcept;

/** True if `code` is 6 ASCII digits whose last digit is the check digit of the first five. */
bool isValidLocalGovernmentCode(std::string_view code) noexcept;

/** One of the 47 都道府県. */
struct Prefecture
{
    std::string code; ///< 6 digits, e.g. "130001" (PP000 + check digit)
    std::string name; ///< e.g. "東京都"
    std::string kana; ///< full-width katakana, e.g. "トウキョウト"
};

/** A 市区町村 or a ward (区) of a designated city, as in the ABR 市区町村マスター. */
struct Municipality
{
    std::string code; ///< 6-digit 地方公共団体コード with check digit, e.g. "131016"
    std::string prefecture; ///< e.g. "北海道"
    std::string county; ///< 郡, e.g. "余市郡"; empty if none
    std::string countyKana;
    std::string city; ///< e.g. "余市町", "千代田区"; for a ward, its city ("大阪市")
    std::string cityKana;
    std::string ward; ///< ward of a designated city, e.g. "北区"; empty otherwise
    std::string wardKana;
    bool designatedCity = false; ///< a 政令指定都市 itself (its wards are separate entries)

    /** City and ward without the 郡: "余市町", "大阪市北区". */
    std::string name() const { return city + ward; }
    /** The official name with the 郡: "余市郡余市町", "大阪市北区". */
    std::string fullName() const { return county + city + ward; }
    /** Kana of name(). */
    std::string kana() const { return cityKana + wardKana; }
};

/** Why an address or postal code could not be resolved. */
struct AddressError
{
    enum class Code
    {
        Empty, ///< nothing but spaces
        InvalidUtf8, ///< the text is not valid UTF-8
        UnknownPrefecture, ///< the text does not start with one of the 47 prefecture names
        UnknownMunicipality, ///< no municipality of that prefecture starts at `offset`
        AmbiguousMunicipality, ///< two municipalities match equally (北海道泊村 without its 郡)
        MissingWard, ///< a designated city not followed by one of its wards (e.g. 浜松市中区)
        MalformedPostalCode, ///< not 7 digits (ASCII or full-width, one optional hyphen)
        UnknownPostalCode, ///< well-formed, but not in the postal data
    };
    Code code = Code::Empty;
    std::size_t offset = 0; ///< byte offset in the input where resolution failed
};

/** English name of an error code, for logs ("unknown municipality"); never personal data. */
const char* toString(AddressError::Code code) noexcept;

/** An address split into its parts. The four text fields are verbatim substrings of the input. */
struct AddressParts
{
    std::string prefecture; ///< "東京都"
    std::string municipality; ///< as written: "千代田区", "大阪市北区", "島尻郡南大東村"
    std::string localGovernmentCode; ///< 6 digits; the ward's code for a designated city
    std::string rest; ///< 町名・番地 etc. verbatim, full-width digits kept: "霞が関一丁目１番１号"
    std::string officialMunicipality; ///< the directory's fullName(), with the 郡
};

/** Result of a longest-prefix match (see MunicipalityDirectory::matchMunicipality). */
template <class T> struct PrefixMatch
{
    const T* entry = nullptr; ///< nullptr: nothing matched, or the match is ambiguous
    std::size_t length = 0; ///< bytes of the input covered by the match
    bool ambiguous = false; ///< two different entries match with the same length
};

/**
 * Prefectures and municipalities, loaded once from config/data/abr_mt_city_all.csv (plus the
 * optional municipality_aliases.csv). Cheap to copy (shared immutable data); thread-safe to read.
 *
 * Names are compared after folding a few variants that occur in real addresses: ヶ/ケ, ヵ/カ,
 * 檮/梼, 惠/恵, 檜/桧, 竈/釜, 龍/竜, 﨑/崎, 髙/高 and variation selectors (IVS) are ignored.
 */
class MunicipalityDirectory
{
public:
    /** Loads `dataDir`/abr_mt_city_all.csv. Errors: missing or unreadable file, wrong header,
     *  a row without 16 columns, a bad or duplicate code, a prefecture count other than 47. */
    static Result<MunicipalityDirectory, std::string> load(const std::filesystem::path& dataDir);

    /** The repository's config/data folder (compiled in as KAKANAI_DEFAULT_CONFIG_DIR). */
    static std::filesystem::path defaultDataDir();

    /** The 47 prefectures, by code. */
    const std::vector<Prefecture>& prefectures() const;
    /** Municipalities and wards, by code (1,918 in the R6.1.1 data). */
    const std::vector<Municipality>& municipalities() const;

    /** By name ("東京都"), 2-digit code ("13") or 6-digit code ("130001"); nullptr if none. */
    const Prefecture* findPrefecture(std::string_view nameOrCode) const noexcept;
    /** By 6-digit code (check digit verified) or 5-digit code; nullptr if malformed or unknown. */
    const Municipality* findByCode(std::string_view code) const noexcept;
    /** By prefecture name and the whole municipality name, with or without the 郡 ("余市郡余市町"
     *  or "余市町", "大阪市北区"); nullptr if unknown or ambiguous (北海道 + 泊村). */
    const Municipality* findByName(std::string_view prefecture, std::string_view name) const;

    /** The prefecture whose name `text` starts with. */
    PrefixMatch<Prefecture> matchPrefecture(std::string_view text) const;
    /** The municipality of `prefecture` with the longest name (with or without 郡, or an alias
     *  such as 三宅島三宅村) that `text` starts with. A designated city matches only when none of
     *  its wards does. Invalid UTF-8 matches nothing. */
    PrefixMatch<Municipality> matchMunicipality(
        const Prefecture& prefecture, std::string_view text) const;

    struct Data;

private:
    explicit MunicipalityDirectory(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> m_data;
};

/**
 * Splits a card address ("東京都千代田区霞が関一丁目１番１号") into prefecture, municipality (with
 * 郡 if written; a designated city with its ward), 地方公共団体コード and rest, by longest match
 * against `directory` (never by splitting on 市区町村). Spaces (U+0020, U+3000) before the
 * prefecture and before the municipality are skipped; the rest is kept verbatim.
 * Errors: Empty, InvalidUtf8, UnknownPrefecture, UnknownMunicipality, AmbiguousMunicipality,
 * MissingWard.
 */
Result<AddressParts, AddressError> splitAddress(
    std::string_view address, const MunicipalityDirectory& directory);

/** One row of the postal data, resolved against the municipality directory. */
struct PostalCandidate
{
    std::string postalCode; ///< 7 ASCII digits
    std::string prefecture;
    std::string municipality; ///< official name with 郡 (Municipality::fullName())
    std::string localGovernmentCode; ///< 6 digits
    std::string town; ///< 町域名 without its note; empty for 「以下に掲載がない場合」
    std::string townNote; ///< text of a trailing （…） note, e.g. "次のビルを除く"; often empty
};

/**
 * Postal codes (郵便番号) from config/data/postal_codes.csv: 124,511 rows of 日本郵便 KEN_ALL.
 * Cheap to copy (shared immutable data); thread-safe to read.
 */
class PostalDirectory
{
public:
    /** Loads `dataDir`/postal_codes.csv. Errors: missing or unreadable file, wrong header, a row
     *  without 3 columns or with a malformed postal or municipality code. */
    static Result<PostalDirectory, std::string> load(const std::filesystem::path& dataDir);

    /** Number of rows. */
    std::size_t size() const;

    /** Every row for a postal code ("1000013", "100-0013", "１００－００１３"). Errors:
     *  MalformedPostalCode, UnknownPostalCode (also when no row's municipality is in
     *  `directory`). */
    Result<std::vector<PostalCandidate>, AddressError> lookup(
        std::string_view postalCode, const MunicipalityDirectory& directory) const;

    /** Candidate postal codes for a split address: the rows of its municipality whose town the
     *  rest starts with (longest town wins; a leading 大字/字 is tried both ways), else the
     *  municipality's fallback row. Empty if the municipality has no rows (a designated city
     *  itself, the 北方領土 villages). */
    std::vector<PostalCandidate> suggest(
        const AddressParts& address, const MunicipalityDirectory& directory) const;

    struct Data;

private:
    explicit PostalDirectory(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> m_data;
};

} // namespace kakanai::forms
