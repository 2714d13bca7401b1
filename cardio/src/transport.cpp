#include "kakanai/cardio/transport.hpp"

namespace kakanai::cardio {

namespace {
// A card that keeps answering 61 xx / 6C xx must not make us loop forever.
constexpr int MAX_PROTOCOL_ROUNDS = 32;
} // namespace

Result<ResponseApdu, CardError> ApduChannel::exchangeOnce(const CommandApdu& command)
{
    if (m_trace) {
        m_trace("> " + command.traceString());
    }
    SecureBytes wire = command.serialize();
    auto raw = m_transport.exchange(wire.view());
    ++m_exchanges;
    if (!raw) {
        if (m_trace) {
            m_trace(std::string("! ") + codeName(raw.error().code));
        }
        return raw.failure();
    }
    auto response = ResponseApdu::parse(raw->view());
    if (!response) {
        return fail(CardError::make(
            CardErrorCode::CommunicationFailed, "response shorter than a status word"));
    }
    if (m_trace) {
        m_trace("< " + response->traceString(command.sensitivity()));
    }
    return std::move(*response);
}

Result<ResponseApdu, CardError> ApduChannel::transmit(const CommandApdu& command)
{
    auto response = exchangeOnce(command);
    if (!response) {
        return response;
    }
    // 6C xx: wrong Le; repeat the same command with Le = xx (ISO 7816-3 §12.2.2 for T=0).
    for (int round = 0; round < MAX_PROTOCOL_ROUNDS && response->sw1() == 0x6C; ++round) {
        std::uint32_t le = response->sw2() == 0 ? 256u : response->sw2();
        response = exchangeOnce(command.withLe(le));
        if (!response) {
            return response;
        }
    }
    // 61 xx: more data waiting; collect it with GET RESPONSE.
    SecureBytes collected = std::move(response->data());
    for (int round = 0; round < MAX_PROTOCOL_ROUNDS && response->sw1() == 0x61; ++round) {
        CommandApdu getResponse = CommandApdu::getResponse(response->sw2());
        getResponse.markSensitive(command.sensitivity() == ApduSensitivity::SecretData
                ? ApduSensitivity::None
                : command.sensitivity());
        response = exchangeOnce(getResponse);
        if (!response) {
            return response;
        }
        collected.insert(collected.end(), response->data().begin(), response->data().end());
    }
    if (response->sw1() == 0x61 || response->sw1() == 0x6C) {
        return fail(CardError::make(CardErrorCode::CommunicationFailed,
            "card kept asking for GET RESPONSE / Le correction"));
    }
    return ResponseApdu(std::move(collected), response->sw1(), response->sw2());
}

} // namespace kakanai::cardio
