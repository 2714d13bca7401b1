// Builders for the emulator's file images (mynumber-card.md §3, §8.4). Private to the emulator.
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/vcard/card.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace kakanai::vcard::files {

/** Appends tag (1–2 bytes) + minimal BER length + value. */
void appendTlv(Bytes& out, std::uint16_t tag, ByteView value);

/** `FF 10 0C` + 12 digits + `FF FF` (17 bytes); badCheckDigit changes the last digit. */
Bytes myNumber(const Identity& identity, bool badCheckDigit);

/**
 * `FF 20 len { DF21 offsets, DF22 name, DF23 address, DF24 birth, DF25 sex }`: short outer
 * length when it fits in 7 bits and the identity does not ask for the long form, else
 * `82 xx xx`. Faults: invalidUtf8 puts FF FE into the name; truncated makes the outer length
 * claim 16 bytes more than the file has.
 */
Bytes basicInfo(const Identity& identity, bool invalidUtf8, bool truncated);

/** EF 0003: digests of the two EFs + a placeholder signature (336 bytes). */
Bytes integrity(const Bytes& myNumberEf, const Bytes& basicInfoEf);

/** JPKI EF 0006: the label padded with spaces to 32 bytes. */
Bytes tokenInfo(const std::string& label);

/**
 * EF 0004 of the 入力補助AP and the 券面AP: a card-verifiable certificate shaped like the real
 * one (`7F21` { `5F4E` body, `5F37` signature }, 568 bytes) with placeholder key and signature.
 */
Bytes cvCertificate();

/** 入力補助AP EF 0005: `FF40` { `DF41` AP info (ext-APDU flag), `DF42` key id }. */
Bytes textApInfo(bool extendedLength);

/** 券面AP EF 0001: `FF10` { `DF11` birth YYYYMMDD, `DF12` key, `DF13` signature }. */
Bytes visualBirth(const Identity& identity);

/** 券面AP EF 0002: an FF20 container of small placeholder images and the text fields. */
Bytes visualFace(const Identity& identity);

/** 券面AP EF 0005: `FF40` { `DF41` My Number image (PNG placeholder), `DF42`, `DF43` }. */
Bytes visualMyNumberImage();

/** 住基AP record 1 of SFI 1 (meaning unverified, mynumber-card.md §1.5): a fixed dummy. */
Bytes jukiRecord();

/** Reads a whole file; throws std::runtime_error naming it when missing (a fixture bug). */
Bytes readFile(const std::filesystem::path& path);

/** The ATR of a personality; PupiRandom draws 4 fresh random bytes. */
Bytes atrFor(Personality personality);

bool supportsExtendedLength(Personality personality);

} // namespace kakanai::vcard::files
