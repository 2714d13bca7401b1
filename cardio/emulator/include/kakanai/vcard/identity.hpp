// An invented resident's card contents, loaded from config/identities/*.toml.
//
// The file is a flat TOML subset (`key = "string"`, `key = 123`, `key = true`, `# comment`), so
// the kiosk and forms can read the same files with a full TOML parser.
//
// Errors: loadIdentity returns a message naming the file, line and key for a missing file, a
// line that is not `key = value`, an unknown key, a missing required key or a bad value.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <string>

namespace kakanai::vcard {

/** Which kind of card (or phone) the emulator pretends to be. See mynumber-card.md §8.1. */
enum class Personality
{
    ContactA, ///< 3B DA 13 FF ... : extended length advertised and supported
    ContactB, ///< 3B C5 FF ... : no extended length (67 00)
    ContactC, ///< 3B E0 00 FF 81 31 FE 45 14 : OpenSC's JPKI ATR, no historical bytes
    Contactless, ///< 3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F
    PupiRandom, ///< contactless ATR with 4 random bytes each insertion
    AndroidPhone, ///< JPKI only, token JPKIAPGPSETOKEN, auth cert needs the auth PIN
    JukiCard, ///< old 住基カード: JPKI only, token JPKIAPICCTOKEN
};

const char* personalityName(Personality p);
bool parsePersonality(const std::string& name, Personality& out);

struct Identity
{
    std::string id; ///< file stem, e.g. "hanako"
    std::string name; ///< UTF-8 exactly as on the card (full-width space between names)
    std::string address; ///< UTF-8
    std::string birthDate; ///< 8 ASCII digits, YYYYMMDD (Gregorian)
    std::string sex; ///< "1" male, "2" female, "9" not applicable
    std::string myNumber; ///< 12 digits
    std::string textPin; ///< 券面事項入力補助用暗証番号, 4 digits
    std::string authPin; ///< 利用者証明用暗証番号, 4 digits
    std::string signPassword; ///< 署名用パスワード, 6–16 A–Z0–9
    std::string cardExpiryYear; ///< 4 digits (part of 照合番号B)
    std::string securityCode; ///< 4 digits printed on the card (part of 照合番号B)
    bool longFormLength = false; ///< encode the 4-information EF with an 82 xx xx outer length
    Personality personality = Personality::ContactA;
    std::filesystem::path pkiDir; ///< folder with the identity's DER certs and PEM keys

    /** 照合番号B: birth YYMMDD + expiry year + security code (14 digits). */
    std::string collationB() const;
};

/** Loads one identity file; relative pkiDir entries resolve against the file's folder. */
Result<Identity, std::string> loadIdentity(const std::filesystem::path& file);

} // namespace kakanai::vcard
