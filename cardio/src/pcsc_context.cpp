// PcscContext: SCardEstablishContext, reader listing, waiting for a card and connecting.
#include "kakanai/cardio/pcsc.hpp"

#include <winscard.h>

#include <algorithm>

namespace kakanai::cardio {

namespace {

constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

SCARDCONTEXT toContext(std::uintptr_t handle)
{
    return static_cast<SCARDCONTEXT>(handle);
}

CardError pcscError(LONG rv, const char* function)
{
    return fromPcscCode(static_cast<std::uint32_t>(rv), function);
}

/** SCardListReaders as a vector; no readers is an empty vector, not an error. */
Result<std::vector<std::string>, CardError> listReaderNames(SCARDCONTEXT context)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        DWORD size = 0;
        LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return std::vector<std::string> {};
        }
        if (rv != SCARD_S_SUCCESS) {
            return fail(pcscError(rv, "SCardListReaders"));
        }
        std::string buffer(size, '\0');
        rv = SCardListReaders(context, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) {
            continue; // a reader appeared between the two calls
        }
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return std::vector<std::string> {};
        }
        if (rv != SCARD_S_SUCCESS) {
            return fail(pcscError(rv, "SCardListReaders"));
        }
        buffer.resize(std::min<std::size_t>(size, buffer.size()));
        std::vector<std::string> names;
        std::size_t pos = 0;
        while (pos < buffer.size() && buffer[pos] != '\0') {
            const std::size_t end = buffer.find('\0', pos);
            const std::size_t stop = end == std::string::npos ? buffer.size() : end;
            names.emplace_back(buffer, pos, stop - pos);
            pos = stop + 1;
        }
        return names;
    }
    return fail(CardError::make(
        CardErrorCode::CommunicationFailed, "SCardListReaders: the reader list kept changing"));
}

DWORD toPcscTimeout(std::chrono::milliseconds timeout)
{
    if (timeout.count() <= 0) {
        return 0;
    }
    // Below INFINITE (0xFFFFFFFF); DWORD is 64 bits wide on Linux x86_64, the protocol's 32.
    constexpr std::int64_t kMax = 0xFFFFFFFE;
    return static_cast<DWORD>(std::min<std::int64_t>(timeout.count(), kMax));
}

/** States for `names` (reset to UNAWARE) plus the PnP pseudo-reader at the end. */
std::vector<SCARD_READERSTATE> makeStates(const std::vector<std::string>& names)
{
    std::vector<SCARD_READERSTATE> states(names.size() + 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        states[i].szReader = names[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    states.back().szReader = kPnpReader;
    states.back().dwCurrentState = SCARD_STATE_UNAWARE;
    return states;
}

} // namespace

PcscContext::PcscContext(std::uintptr_t handle)
    : m_handle(handle)
{
}

PcscContext::~PcscContext()
{
    SCardReleaseContext(toContext(m_handle));
}

Result<std::unique_ptr<PcscContext>, CardError> PcscContext::establish()
{
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS) {
        return fail(pcscError(rv, "SCardEstablishContext"));
    }
    return std::unique_ptr<PcscContext>(new PcscContext(static_cast<std::uintptr_t>(context)));
}

std::uintptr_t PcscContext::handle() const
{
    return m_handle;
}

void PcscContext::cancel()
{
    SCardCancel(toContext(m_handle));
}

Result<std::vector<ReaderInfo>, CardError> PcscContext::listReaders()
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto names = listReaderNames(toContext(m_handle));
        if (!names) {
            return names.failure();
        }
        if (names->empty()) {
            return std::vector<ReaderInfo> {};
        }
        std::vector<SCARD_READERSTATE> states = makeStates(*names);
        states.pop_back(); // no PnP entry: the UNAWARE states make the call return at once
        const LONG rv = SCardGetStatusChange(
            toContext(m_handle), 0, states.data(), static_cast<DWORD>(states.size()));
        if (rv == SCARD_E_UNKNOWN_READER) {
            continue; // a reader went away between the two calls
        }
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
            return fail(pcscError(rv, "SCardGetStatusChange"));
        }
        std::vector<ReaderInfo> readers;
        for (std::size_t i = 0; i < names->size(); ++i) {
            const DWORD event = states[i].dwEventState;
            ReaderInfo info;
            info.name = (*names)[i];
            info.cardPresent = (event & SCARD_STATE_PRESENT) != 0;
            info.cardInUse = (event & SCARD_STATE_EXCLUSIVE) != 0;
            if (info.cardPresent) {
                const DWORD atrLength = std::min<DWORD>(states[i].cbAtr, MAX_ATR_SIZE);
                info.atr.assign(states[i].rgbAtr, states[i].rgbAtr + atrLength);
            }
            readers.push_back(std::move(info));
        }
        return readers;
    }
    return fail(CardError::make(
        CardErrorCode::CommunicationFailed, "SCardGetStatusChange: the reader list kept changing"));
}

Result<std::string, CardError> PcscContext::waitForCard(
    const std::string& reader, std::chrono::milliseconds timeout)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::max(timeout, std::chrono::milliseconds(0));
    const SCARDCONTEXT context = toContext(m_handle);

    auto all = listReaderNames(context);
    if (!all) {
        return all.failure();
    }
    if (all->empty()) {
        return fail(CardError::make(CardErrorCode::NoReader, "waitForCard: no reader connected"));
    }
    if (!reader.empty() && std::find(all->begin(), all->end(), reader) == all->end()) {
        return fail(CardError::make(CardErrorCode::NoReader, "waitForCard: reader not connected"));
    }
    auto watchedFrom = [&reader](const std::vector<std::string>& names) {
        std::vector<std::string> watched;
        for (const std::string& name : names) {
            if (reader.empty() || name == reader) {
                watched.push_back(name);
            }
        }
        return watched;
    };
    std::vector<std::string> watched = watchedFrom(*all);
    std::vector<SCARD_READERSTATE> states = makeStates(watched);

    while (true) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        const LONG rv = SCardGetStatusChange(
            context, toPcscTimeout(left), states.data(), static_cast<DWORD>(states.size()));
        bool relist = false;
        if (rv == SCARD_E_TIMEOUT) {
            return fail(CardError::make(CardErrorCode::NoCard, "waitForCard: no card in time"));
        }
        if (rv == SCARD_E_UNKNOWN_READER) {
            relist = true; // a watched reader was unplugged before the call registered
        } else if (rv == SCARD_F_COMM_ERROR) {
            // pcscd died during the wait (the socket closed); report it as the service being
            // gone when a new request confirms that.
            auto probe = listReaderNames(context);
            return fail(probe ? pcscError(rv, "SCardGetStatusChange") : probe.error());
        } else if (rv != SCARD_S_SUCCESS) {
            return fail(pcscError(rv, "SCardGetStatusChange"));
        } else {
            for (std::size_t i = 0; i < watched.size(); ++i) {
                const DWORD event = states[i].dwEventState;
                if ((event & SCARD_STATE_PRESENT) != 0) {
                    return watched[i];
                }
                if ((event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) != 0) {
                    relist = true;
                }
            }
            if ((states.back().dwEventState & SCARD_STATE_CHANGED) != 0) {
                relist = true; // a reader was plugged in or removed
            }
        }
        if (relist) {
            auto names = listReaderNames(context);
            if (!names) {
                return names.failure();
            }
            watched = watchedFrom(*names);
            states = makeStates(watched);
        } else {
            for (SCARD_READERSTATE& state : states) {
                state.dwCurrentState
                    = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
            }
        }
        if (Clock::now() >= deadline && !relist) {
            return fail(CardError::make(CardErrorCode::NoCard, "waitForCard: no card in time"));
        }
    }
}

Result<std::unique_ptr<PcscCard>, CardError> PcscContext::connect(const std::string& reader)
{
    const SCARDCONTEXT context = toContext(m_handle);
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    LONG rv = SCardConnect(context, reader.c_str(), SCARD_SHARE_SHARED,
        SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
    if (rv != SCARD_S_SUCCESS) {
        return fail(pcscError(rv, "SCardConnect"));
    }
    BYTE atr[MAX_ATR_SIZE] = {};
    DWORD atrLength = sizeof atr;
    DWORD readerLength = 0;
    DWORD state = 0;
    DWORD activeProtocol = 0;
    rv = SCardStatus(card, nullptr, &readerLength, &state, &activeProtocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        return fail(pcscError(rv, "SCardStatus"));
    }
    SCARD_READERSTATE readerState {};
    readerState.szReader = reader.c_str();
    readerState.dwCurrentState = SCARD_STATE_UNAWARE;
    rv = SCardGetStatusChange(context, 0, &readerState, 1);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        return fail(pcscError(rv, "SCardGetStatusChange"));
    }
    const auto counter = static_cast<std::uint32_t>((readerState.dwEventState >> 16) & 0xFFFF);
    Bytes atrBytes(atr, atr + std::min<DWORD>(atrLength, MAX_ATR_SIZE));
    return std::unique_ptr<PcscCard>(new PcscCard(m_handle, static_cast<std::uintptr_t>(card),
        static_cast<std::uint32_t>(protocol), reader, std::move(atrBytes), counter));
}

} // namespace kakanai::cardio
