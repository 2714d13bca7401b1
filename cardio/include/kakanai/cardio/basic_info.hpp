// The 基本4情報 EF (入力補助AP EF 0002): `FF 20 len { DF21 offsets, DF22 name, DF23 address,
// DF24 birth date YYYYMMDD, DF25 sex }`, with short or 82 xx xx outer lengths
// (mynumber-card.md §3.2). Values are returned verbatim: no normalisation, full-width spaces
// and rare kanji (non-BMP, IVS) kept as on the card.
//
// Errors: MalformedData when the outer TLV is not FF20, is truncated, or a required child tag
// is missing. A field whose content is invalid (name/address not UTF-8, birth date not a real
// YYYYMMDD date, sex not 1/2/9) is emptied and named in `problems`; the other fields are kept,
// so staff can be told exactly which one to check.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"

#include <string>
#include <vector>

namespace kakanai::cardio {

enum class Sex
{
    Male,
    Female,
    NotApplicable,
    Unknown
};

/** "male", "female", "not_applicable", "unknown". */
const char* sexName(Sex sex);

struct BasicInfo
{
    SecureString name;
    SecureString address;
    SecureString birthDate; ///< YYYYMMDD as on the card
    Sex sex = Sex::Unknown;
    std::vector<std::string> problems; ///< names of fields that failed validation
    void wipe();
};

Result<BasicInfo, CardError> parseBasicInfo(ByteView file);

/** Strict UTF-8 check (no overlongs, surrogates or code points above U+10FFFF). */
bool isValidUtf8(ByteView text);

} // namespace kakanai::cardio
