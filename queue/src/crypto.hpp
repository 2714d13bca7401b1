// Internal OpenSSL helpers: random bytes, AES-256-GCM seal/open (nonce || ciphertext || tag),
// HMAC-SHA256, scrypt (EVP_KDF) and a constant-time comparison.
//
// Errors: openGcm returns std::nullopt when authentication fails (wrong key, edited bytes,
// other associated data). Other OpenSSL failures (never expected) throw QueueException with
// QueueErrorCode::Database.
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/queue/staff.hpp"

#include <optional>
#include <string_view>

namespace kakanai::queue::detail {

inline constexpr std::size_t KEY_SIZE = 32;
inline constexpr std::size_t NONCE_SIZE = 12;
inline constexpr std::size_t TAG_SIZE = 16;

Bytes randomBytes(std::size_t size);
SecureBytes randomKey();

/** AES-256-GCM with a random nonce; `aad` is authenticated, not stored. */
Bytes sealGcm(ByteView key, ByteView plaintext, std::string_view aad);
std::optional<SecureBytes> openGcm(ByteView key, ByteView sealed, std::string_view aad);

Bytes hmacSha256(ByteView key, ByteView data);

SecureBytes scrypt(std::string_view password, ByteView salt, const ScryptParams& params);

bool equalConstantTime(ByteView a, ByteView b);

} // namespace kakanai::queue::detail
