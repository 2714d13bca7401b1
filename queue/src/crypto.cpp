// OpenSSL helpers (see crypto.hpp).
#include "crypto.hpp"

#include "queue_exception.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace kakanai::queue::detail {

namespace {

[[noreturn]] void cryptoFailure(const char* what)
{
    raise(QueueErrorCode::Database, std::string("OpenSSL failure: ") + what);
}

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx newCipher()
{
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx) {
        cryptoFailure("EVP_CIPHER_CTX_new");
    }
    return ctx;
}

/**
 * AES-256-GCM fetched once: EVP_aes_256_gcm() makes every EVP_*Init_ex look the provider's
 * implementation up again, a measurable part of a submission (three seals each).
 */
const EVP_CIPHER* aesGcm()
{
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    if (!cipher) {
        cryptoFailure("EVP_CIPHER_fetch(AES-256-GCM)");
    }
    return cipher;
}

const unsigned char* u8(std::string_view text)
{
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

Bytes randomBytes(std::size_t size)
{
    Bytes out(size);
    if (size > 0 && RAND_bytes(out.data(), static_cast<int>(size)) != 1) {
        cryptoFailure("RAND_bytes");
    }
    return out;
}

SecureBytes randomKey()
{
    SecureBytes key(KEY_SIZE);
    if (RAND_priv_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        cryptoFailure("RAND_priv_bytes");
    }
    return key;
}

Bytes sealGcm(ByteView key, ByteView plaintext, std::string_view aad)
{
    if (key.size() != KEY_SIZE) {
        cryptoFailure("AES-256-GCM key size");
    }
    const Bytes nonce = randomBytes(NONCE_SIZE);
    Bytes out;
    out.reserve(NONCE_SIZE + plaintext.size() + TAG_SIZE);
    for (auto byte : nonce) {
        out.push_back(byte);
    }
    out.resize(NONCE_SIZE + plaintext.size() + TAG_SIZE);
    auto ctx = newCipher();
    int length = 0;
    int aadLength = 0;
    if (EVP_EncryptInit_ex(ctx.get(), aesGcm(), nullptr, key.data(), nonce.data()) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &aadLength, u8(aad), static_cast<int>(aad.size()))
            != 1
        || (!plaintext.empty()
            && EVP_EncryptUpdate(ctx.get(), out.data() + NONCE_SIZE, &length, plaintext.data(),
                   static_cast<int>(plaintext.size()))
                != 1)
        || EVP_EncryptFinal_ex(ctx.get(), out.data() + NONCE_SIZE + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TAG_SIZE,
               out.data() + NONCE_SIZE + plaintext.size())
            != 1) {
        cryptoFailure("AES-256-GCM encryption");
    }
    return out;
}

std::optional<SecureBytes> openGcm(ByteView key, ByteView sealed, std::string_view aad)
{
    if (key.size() != KEY_SIZE || sealed.size() < NONCE_SIZE + TAG_SIZE) {
        return std::nullopt;
    }
    const std::size_t size = sealed.size() - NONCE_SIZE - TAG_SIZE;
    SecureBytes plain(size + 1); // never empty, so data() is valid
    Bytes tag(sealed.end() - TAG_SIZE, sealed.end());
    auto ctx = newCipher();
    int length = 0;
    int aadLength = 0;
    if (EVP_DecryptInit_ex(ctx.get(), aesGcm(), nullptr, key.data(), sealed.data()) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &aadLength, u8(aad), static_cast<int>(aad.size()))
            != 1
        || (size > 0
            && EVP_DecryptUpdate(ctx.get(), plain.data(), &length, sealed.data() + NONCE_SIZE,
                   static_cast<int>(size))
                != 1)
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TAG_SIZE, tag.data()) != 1) {
        return std::nullopt;
    }
    int finalLength = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), plain.data() + length, &finalLength) != 1) {
        return std::nullopt;
    }
    plain.resize(size);
    return plain;
}

Bytes hmacSha256(ByteView key, ByteView data)
{
    // HMAC() would fetch the MAC implementation again on every call (twice per submission).
    static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!hmac) {
        cryptoFailure("EVP_MAC_fetch(HMAC)");
    }
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(
        EVP_MAC_CTX_new(hmac), &EVP_MAC_CTX_free);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    static const std::uint8_t noKey = 0; // a null key would mean "the previous key"
    Bytes out(32);
    std::size_t length = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), key.empty() ? &noKey : key.data(), key.size(), params) != 1
        || EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1
        || EVP_MAC_final(ctx.get(), out.data(), &length, out.size()) != 1 || length != out.size()) {
        cryptoFailure("HMAC-SHA256");
    }
    return out;
}

SecureBytes scrypt(std::string_view password, ByteView salt, const ScryptParams& params)
{
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(
        EVP_KDF_fetch(nullptr, "SCRYPT", nullptr), &EVP_KDF_free);
    if (!kdf) {
        cryptoFailure("EVP_KDF_fetch(SCRYPT)");
    }
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(
        EVP_KDF_CTX_new(kdf.get()), &EVP_KDF_CTX_free);
    if (!ctx) {
        cryptoFailure("EVP_KDF_CTX_new");
    }
    std::uint64_t n = params.n;
    std::uint32_t r = params.r;
    std::uint32_t p = params.p;
    static const char empty = 0;
    OSSL_PARAM list[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
            const_cast<char*>(password.empty() ? &empty : password.data()), password.size()),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<std::uint8_t*>(salt.data()), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_end(),
    };
    SecureBytes out(32);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), list) != 1) {
        cryptoFailure("scrypt");
    }
    return out;
}

bool equalConstantTime(ByteView a, ByteView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace kakanai::queue::detail
