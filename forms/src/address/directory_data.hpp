// Internal: the shared, immutable data behind MunicipalityDirectory and PostalDirectory.
#pragma once

#include "kakanai/forms/address.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kakanai::forms {

struct MunicipalityDirectory::Data
{
    /** A folded name under which a municipality can be written (with or without 郡, alias). */
    struct Form
    {
        std::u32string folded;
        std::uint32_t index = 0; ///< into municipalities
    };

    std::vector<Prefecture> prefectures; ///< by code
    std::vector<std::u32string> prefectureNames; ///< folded, parallel to prefectures
    std::array<int, 48> prefectureIndex {}; ///< 2-digit code → index into prefectures, or -1
    std::vector<Municipality> municipalities; ///< by code
    std::vector<std::uint32_t> codes; ///< 5-digit codes as numbers, parallel to municipalities
    std::vector<std::vector<Form>> forms; ///< per prefecture index
};

struct PostalDirectory::Data
{
    struct Row
    {
        std::uint32_t postalCode = 0; ///< 7 digits as a number
        std::uint32_t municipalityCode = 0; ///< 5 digits as a number
        std::uint32_t townOffset = 0; ///< into text
        std::uint32_t townLength = 0;
    };

    std::string text; ///< the file content; towns point into it
    std::vector<Row> rows; ///< file order (grouped by municipality)
    std::vector<std::uint32_t> byPostalCode; ///< indices into rows, sorted by postal code
    std::vector<std::uint32_t> byMunicipality; ///< indices into rows, by municipality code
};

} // namespace kakanai::forms
