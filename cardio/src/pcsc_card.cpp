// PcscCard: SCardTransmit as a Transport, the reader's event counter and RAII transactions.
#include "kakanai/cardio/pcsc.hpp"

#include <winscard.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace kakanai::cardio {

namespace {

SCARDHANDLE toCard(std::uintptr_t handle)
{
    return static_cast<SCARDHANDLE>(handle);
}

CardError pcscError(LONG rv, const char* function)
{
    return fromPcscCode(static_cast<std::uint32_t>(rv), function);
}

/** Room for an extended R-APDU: 65536 data bytes + SW1 SW2, plus pcsc-lite's own margin. */
constexpr std::size_t kReceiveBufferSize = MAX_BUFFER_SIZE_EXTENDED;
static_assert(kReceiveBufferSize >= 65538);

} // namespace

PcscCard::PcscCard(std::uintptr_t context, std::uintptr_t card, std::uint32_t protocol,
    std::string reader, Bytes atr, std::uint32_t eventCounter)
    : m_context(context)
    , m_card(card)
    , m_protocol(protocol)
    , m_reader(std::move(reader))
    , m_atr(std::move(atr))
    , m_eventCounter(eventCounter)
{
}

PcscCard::~PcscCard()
{
    SCardDisconnect(toCard(m_card), SCARD_LEAVE_CARD);
}

Result<SecureBytes, CardError> PcscCard::exchange(ByteView command)
{
    const SCARD_IO_REQUEST* pci = SCARD_PCI_RAW;
    if (m_protocol == SCARD_PROTOCOL_T0) {
        pci = SCARD_PCI_T0;
    } else if (m_protocol == SCARD_PROTOCOL_T1) {
        pci = SCARD_PCI_T1;
    }
    const auto buffer = std::make_unique_for_overwrite<std::uint8_t[]>(kReceiveBufferSize);
    DWORD length = kReceiveBufferSize;
    const LONG rv = SCardTransmit(toCard(m_card), pci, command.data(),
        static_cast<DWORD>(command.size()), nullptr, buffer.get(), &length);
    const std::size_t received = std::min<std::size_t>(length, kReceiveBufferSize);
    if (rv != SCARD_S_SUCCESS || received < 2) {
        secureZero(buffer.get(), kReceiveBufferSize);
        CardError error = rv != SCARD_S_SUCCESS
            ? pcscError(rv, "SCardTransmit")
            : CardError::make(
                CardErrorCode::CommunicationFailed, "response shorter than a status word");
        // A card pulled out mid-APDU often surfaces first as a failed exchange
        // (SCARD_E_NOT_TRANSACTED) and only later as "removed": tell the caller what really
        // happened, so the resident reads "the card was removed", not "call staff".
        if (error.code == CardErrorCode::CommunicationFailed && cardWentAway()) {
            error.code = CardErrorCode::CardRemoved;
            error.detail += " (the card is no longer in the reader)";
        }
        return fail(error);
    }
    SecureBytes response(ByteView(buffer.get(), received));
    secureZero(buffer.get(), received);
    return response;
}

bool PcscCard::cardWentAway() const
{
    // pcscd polls a reader's presence every ~400 ms: give it a little longer than that.
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto counter = currentEventCounter();
        if (!counter || *counter != m_eventCounter) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

Result<std::uint32_t, CardError> PcscCard::currentEventCounter() const
{
    SCARD_READERSTATE state {};
    state.szReader = m_reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(m_context), 0, &state, 1);
    if (rv != SCARD_S_SUCCESS) {
        return fail(pcscError(rv, "SCardGetStatusChange"));
    }
    if ((state.dwEventState & SCARD_STATE_PRESENT) == 0) {
        return fail(CardError::make(CardErrorCode::NoCard, "currentEventCounter: reader is empty"));
    }
    return static_cast<std::uint32_t>((state.dwEventState >> 16) & 0xFFFF);
}

PcscCard::Transaction::~Transaction()
{
    if (m_card != 0) {
        SCardEndTransaction(toCard(m_card), SCARD_LEAVE_CARD);
    }
}

PcscCard::Transaction::Transaction(Transaction&& other) noexcept
    : m_card(other.m_card)
{
    other.m_card = 0;
}

Result<PcscCard::Transaction, CardError> PcscCard::beginTransaction()
{
    const LONG rv = SCardBeginTransaction(toCard(m_card));
    if (rv != SCARD_S_SUCCESS) {
        return fail(pcscError(rv, "SCardBeginTransaction"));
    }
    return Transaction(m_card);
}

} // namespace kakanai::cardio
