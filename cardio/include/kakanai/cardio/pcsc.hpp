// PC/SC (pcsc-lite) access: an RAII context, card connections that are Transports, RAII
// transactions and a reader monitor thread. winscard.h never appears in a header.
//
// Errors: every function returns CardError, mapped from the SCARD_* code by fromPcscCode():
// ServiceUnavailable (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED), NoReader
// (SCARD_E_NO_READERS_AVAILABLE, SCARD_E_UNKNOWN_READER), ReaderUnavailable
// (SCARD_E_READER_UNAVAILABLE), NoCard (SCARD_E_NO_SMARTCARD), CardRemoved
// (SCARD_W_REMOVED_CARD), CardReset (SCARD_W_RESET_CARD), Timeout (SCARD_E_TIMEOUT),
// Cancelled (SCARD_E_CANCELLED), SharingViolation (SCARD_E_SHARING_VIOLATION) and
// CommunicationFailed for the rest (SCARD_E_NOT_TRANSACTED, SCARD_W_UNRESPONSIVE_CARD, ...).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/cardio/transport.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::cardio {

struct ReaderInfo
{
    std::string name;
    bool cardPresent = false;
    bool cardInUse = false; ///< another application has it exclusively
    Bytes atr; ///< empty without a card
};

class PcscCard;

/** One PC/SC context (SCardEstablishContext … SCardReleaseContext). */
class PcscContext
{
public:
    static Result<std::unique_ptr<PcscContext>, CardError> establish();
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    Result<std::vector<ReaderInfo>, CardError> listReaders();

    /**
     * Waits until a card is present in `reader` (or in any reader when empty) and returns the
     * reader's name. NoReader when none is connected, NoCard after `timeout`, Cancelled after
     * cancel() from another thread.
     */
    Result<std::string, CardError> waitForCard(
        const std::string& reader, std::chrono::milliseconds timeout);

    /** Connects shared, T=1 or T=0, to the card in `reader`. */
    Result<std::unique_ptr<PcscCard>, CardError> connect(const std::string& reader);

    /** Interrupts a waitForCard() running on another thread (SCardCancel). */
    void cancel();

    std::uintptr_t handle() const;

private:
    explicit PcscContext(std::uintptr_t handle);
    std::uintptr_t m_handle;
};

/** A connected card. As a Transport it maps SCardTransmit failures to CardError. */
class PcscCard : public Transport
{
public:
    ~PcscCard() override; ///< SCardDisconnect(SCARD_LEAVE_CARD); never throws
    PcscCard(const PcscCard&) = delete;
    PcscCard& operator=(const PcscCard&) = delete;

    Result<SecureBytes, CardError> exchange(ByteView command) override;
    Bytes atr() const override { return m_atr; }
    const std::string& readerName() const { return m_reader; }

    /**
     * The reader's event counter at connect time (upper 16 bits of dwEventState): a removal and
     * re-insertion changes it, which is how a swapped card is noticed.
     */
    std::uint32_t eventCounterAtConnect() const { return m_eventCounter; }
    /** The reader's current event counter and whether a card is present. */
    Result<std::uint32_t, CardError> currentEventCounter() const;

    /** RAII SCardBeginTransaction/SCardEndTransaction; the destructor never throws. */
    class Transaction
    {
    public:
        ~Transaction();
        Transaction(Transaction&&) noexcept;
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        Transaction& operator=(Transaction&&) = delete;

    private:
        friend class PcscCard;
        explicit Transaction(std::uintptr_t card)
            : m_card(card)
        {
        }
        std::uintptr_t m_card;
    };
    Result<Transaction, CardError> beginTransaction();

private:
    /** After a failed exchange: whether the card left the reader (or was swapped) meanwhile. */
    bool cardWentAway() const;
    friend class PcscContext;
    PcscCard(std::uintptr_t context, std::uintptr_t card, std::uint32_t protocol,
        std::string reader, Bytes atr, std::uint32_t eventCounter);
    std::uintptr_t m_context;
    std::uintptr_t m_card;
    std::uint32_t m_protocol;
    std::string m_reader;
    Bytes m_atr;
    std::uint32_t m_eventCounter;
};

struct ReaderEvent
{
    enum class Kind
    {
        ReaderAdded,
        ReaderRemoved,
        CardInserted,
        CardRemoved,
        ServiceLost
    };
    Kind kind;
    std::string reader;
    Bytes atr; ///< for CardInserted
};

const char* readerEventName(ReaderEvent::Kind kind);

/**
 * Watches all readers on its own thread: blocks in SCardGetStatusChange on every reader plus
 * the "\\\\?PnP?\\Notification" pseudo-reader, reports changes through the callback (called on
 * the monitor thread), and stops promptly via SCardCancel. Readers and cards present when it
 * starts are reported as ReaderAdded/CardInserted.
 */
class ReaderMonitor
{
public:
    using Callback = std::function<void(const ReaderEvent&)>;
    explicit ReaderMonitor(Callback callback);
    ~ReaderMonitor(); ///< stops the thread
    ReaderMonitor(const ReaderMonitor&) = delete;
    ReaderMonitor& operator=(const ReaderMonitor&) = delete;

    /** Establishes its own context and starts the thread. ServiceUnavailable without pcscd. */
    Result<Ok, CardError> start();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kakanai::cardio
