// My Number card constants: AIDs, EF identifiers and PIN rules.
// Source: ../shared/docs/mynumber-card.md §1 and §2.7 (tags [V] unless noted).
#pragma once

#include <array>
#include <cstdint>

namespace kakanai::cardio::mynumber {

using Aid = std::array<std::uint8_t, 10>;

/** 公的個人認証AP (JPKI). */
inline constexpr Aid JPKI_AID { 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01 };
/** 券面事項入力補助AP. */
inline constexpr Aid TEXT_AID { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08 };
/** 券面事項確認AP. */
inline constexpr Aid VISUAL_AID { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02 };
/** 住基AP. */
inline constexpr Aid JUKI_AID { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00 };

namespace text_ef {
inline constexpr std::uint16_t MY_NUMBER = 0x0001;
inline constexpr std::uint16_t BASIC_INFO = 0x0002;
inline constexpr std::uint16_t PIN = 0x0011;
inline constexpr std::uint16_t COLLATION_A = 0x0014;
inline constexpr std::uint16_t COLLATION_B = 0x0015;
} // namespace text_ef

namespace jpki_ef {
inline constexpr std::uint16_t SIGN_CERT = 0x0001;
inline constexpr std::uint16_t SIGN_CA_CERT = 0x0002;
inline constexpr std::uint16_t TOKEN_INFO = 0x0006;
inline constexpr std::uint16_t AUTH_CERT = 0x000A;
inline constexpr std::uint16_t AUTH_CA_CERT = 0x000B;
inline constexpr std::uint16_t AUTH_KEY = 0x0017;
inline constexpr std::uint16_t AUTH_PIN = 0x0018;
inline constexpr std::uint16_t SIGN_KEY = 0x001A;
inline constexpr std::uint16_t SIGN_PIN = 0x001B;
} // namespace jpki_ef

inline constexpr int TEXT_PIN_LENGTH = 4;
inline constexpr int TEXT_PIN_MAX_TRIES = 3;
inline constexpr int AUTH_PIN_MAX_TRIES = 3;
inline constexpr int SIGN_PASSWORD_MIN = 6;
inline constexpr int SIGN_PASSWORD_MAX = 16;
inline constexpr int SIGN_PASSWORD_MAX_TRIES = 5;
inline constexpr int COLLATION_B_LENGTH = 14;

/** Token labels in JPKI EF 0006 (first 32 bytes, space padded). */
inline constexpr const char* TOKEN_MYNUMBER_CARD = "JPKIAPICCTOKEN2";
inline constexpr const char* TOKEN_JUKI_CARD = "JPKIAPICCTOKEN";
inline constexpr const char* TOKEN_ANDROID = "JPKIAPGPSETOKEN";
inline constexpr const char* TOKEN_IOS = "JPKIAPIOSTOKEN";

} // namespace kakanai::cardio::mynumber
