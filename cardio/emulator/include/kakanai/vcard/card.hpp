// A software My Number card: the JPKI, 券面事項入力補助 and 券面事項確認 APs, PIN counters that
// persist across insertions, ATR personalities and scriptable faults (mynumber-card.md §8).
//
// Errors: the card answers every command with a status word like a real card (6A 82, 69 82,
// 63 Cx, 69 84, 67 00, 6B 00, 6D 00, 6E 00 ...); construction throws std::runtime_error when
// the identity's certificate or key files cannot be loaded (a broken fixture is a bug).
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/vcard/identity.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

namespace kakanai::vcard {

/** Faults a test can script. APDU indexes count from 0 over the whole insertion. */
struct Faults
{
    std::optional<std::size_t> removeAfterApdus; ///< card "removed" before answering APDU #N
    std::chrono::milliseconds latency { 0 }; ///< added before every response
    std::optional<std::size_t> resetBeforeApdu; ///< security state cleared before APDU #N
    bool truncatedBasicInfo = false; ///< 4-info outer length claims more bytes than the file has
    bool badCheckDigit = false; ///< My Number EF with a wrong check digit
    bool invalidUtf8 = false; ///< name field contains bytes that are not UTF-8
    bool useGetResponse = false; ///< answer data as 61 xx, then deliver it on GET RESPONSE
    bool demandExactLe = false; ///< answer a READ whose Le is too long with 6C xx first
    bool pinAnswerBlockedQueryAs6984 = true; ///< empty VERIFY on a blocked PIN: 69 84 (else 63 C0)
};

/** PIN try counters, persisted in the --state file so they survive removal and restarts. */
struct PinCounters
{
    int textPin = 3; ///< 入力補助AP EF 0011
    int authPin = 3; ///< JPKI EF 0018
    int signPassword = 5; ///< JPKI EF 001B
    int collationB = 10; ///< 入力補助AP EF 0015 (limit not public; 10 chosen)
    static PinCounters load(const std::filesystem::path& file); ///< defaults if missing
    void save(const std::filesystem::path& file) const;
};

class MyNumberCard
{
public:
    MyNumberCard(Identity identity, Faults faults = {},
        std::optional<std::filesystem::path> stateFile = std::nullopt);
    ~MyNumberCard();
    MyNumberCard(const MyNumberCard&) = delete;
    MyNumberCard& operator=(const MyNumberCard&) = delete;

    /** The ATR of the personality (PupiRandom gives new random bytes after each powerOn). */
    Bytes atr() const;
    /** Cold start: clears the selected DF/EF and all verified PINs. */
    void powerOn();
    /** Warm reset (vpcd control 02): same effect on security state as powerOn. */
    void reset();
    /** Processes one C-APDU and returns the R-APDU; an empty result means "card removed". */
    SecureBytes process(ByteView command);

    bool removed() const;
    std::size_t apduCount() const;
    const PinCounters& counters() const;
    const Identity& identity() const;
    Faults& faults();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kakanai::vcard
