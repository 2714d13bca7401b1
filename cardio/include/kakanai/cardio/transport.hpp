// The device seam for cards: a Transport exchanges raw APDU bytes with one card. The real one
// is PC/SC (pcsc.hpp); the emulator provides an in-process one for unit tests.
//
// ApduChannel sits on a Transport and is what card applications use: it serialises commands,
// follows 61 xx (GET RESPONSE) and 6C xx (repeat with the right Le), counts exchanges and feeds
// an optional trace sink with masked hex.
//
// Errors: Transport::exchange returns CardError (CardRemoved, CardReset, CommunicationFailed,
// Timeout, ReaderUnavailable, ServiceUnavailable); ApduChannel::transmit passes them on and adds
// CommunicationFailed for a response shorter than a status word.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/apdu.hpp"
#include "kakanai/cardio/errors.hpp"

#include <cstddef>
#include <functional>
#include <string>

namespace kakanai::cardio {

class Transport
{
public:
    virtual ~Transport() = default;
    /** Sends one command, returns the response including SW1 SW2. */
    virtual Result<SecureBytes, CardError> exchange(ByteView command) = 0;
    /** The ATR of the card this transport is connected to. */
    virtual Bytes atr() const = 0;
};

/** Receives trace lines ("> 00 A4 ..." / "< 90 00"); never sees PINs or My Number digits. */
using TraceSink = std::function<void(const std::string& line)>;

class ApduChannel
{
public:
    explicit ApduChannel(Transport& transport)
        : m_transport(transport)
    {
    }

    Result<ResponseApdu, CardError> transmit(const CommandApdu& command);

    /** Physical exchanges so far (GET RESPONSE and 6C retries included). */
    std::size_t exchangeCount() const { return m_exchanges; }
    void setTrace(TraceSink sink) { m_trace = std::move(sink); }
    Transport& transport() { return m_transport; }

private:
    Result<ResponseApdu, CardError> exchangeOnce(const CommandApdu& command);

    Transport& m_transport;
    std::size_t m_exchanges = 0;
    TraceSink m_trace;
};

} // namespace kakanai::cardio
