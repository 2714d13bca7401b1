// MyNumberCard's state model (mynumber-card.md §8.2). Private to the emulator.
#pragma once

#include "kakanai/cardio/constants.hpp"
#include "kakanai/vcard/card.hpp"

#include <map>
#include <memory>
#include <openssl/evp.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kakanai::vcard {

struct PinState
{
    SecureBytes value;
    int* remaining = nullptr; ///< points into PinCounters (persisted) or `local`
    int local = 0;
    int maxTries = 3;
};

struct ElementaryFile
{
    enum class Kind
    {
        Data,
        Pin,
        Key,
        Record ///< one record (the 住基AP's), read with READ RECORD
    } kind
        = Kind::Data;
    SecureBytes content; ///< Data, Record
    std::vector<std::uint16_t> readUnlockedBy; ///< any of these PIN EFs verified; empty = free
    PinState pin; ///< Pin
    EVP_PKEY* key = nullptr; ///< Key (owned by Impl::keys)
    std::uint16_t keyPin = 0; ///< Key: PIN EF that must be verified
};

struct DedicatedFile
{
    cardio::mynumber::Aid aid {};
    std::map<std::uint16_t, ElementaryFile> files;
};

struct ParsedApdu
{
    std::uint8_t cla = 0, ins = 0, p1 = 0, p2 = 0;
    SecureBytes data;
    std::optional<std::uint32_t> le;
    bool extended = false;
};

/** Parses ISO 7816-4 cases 1–4 (short and extended); nullopt when malformed. */
std::optional<ParsedApdu> parseApdu(ByteView raw);

struct MyNumberCard::Impl
{
    Identity identity;
    Faults faults;
    std::optional<std::filesystem::path> stateFile;
    PinCounters counters;
    std::vector<DedicatedFile> dfs;
    std::vector<std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>> keys;
    Bytes currentAtr;

    // Volatile state: cleared by power-on, reset and DF selection.
    DedicatedFile* currentDf = nullptr;
    std::optional<std::uint16_t> currentEf;
    std::set<std::uint16_t> verified;
    SecureBytes pendingResponse; ///< for the 61 xx fault
    std::size_t apduCount = 0;
    bool removed = false;

    void build();
    void clearSecurity();
    void persist();
    SecureBytes dispatch(const ParsedApdu& apdu);

    SecureBytes select(const ParsedApdu& apdu);
    SecureBytes verify(const ParsedApdu& apdu);
    SecureBytes changeReference(const ParsedApdu& apdu);
    SecureBytes readBinary(const ParsedApdu& apdu);
    SecureBytes sign(const ParsedApdu& apdu);
    SecureBytes readRecord(const ParsedApdu& apdu);
    SecureBytes getResponse(const ParsedApdu& apdu);
    SecureBytes withData(ByteView data, std::uint16_t sw);

    ElementaryFile* file(std::uint16_t id);
    bool readable(const ElementaryFile& ef) const;
};

SecureBytes statusOnly(std::uint16_t sw);

} // namespace kakanai::vcard
