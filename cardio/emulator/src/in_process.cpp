#include "kakanai/vcard/in_process.hpp"

namespace kakanai::vcard {

Result<SecureBytes, cardio::CardError> InProcessTransport::exchange(ByteView command)
{
    SecureBytes response = m_card.process(command);
    if (response.empty()) {
        return fail(
            cardio::CardError::make(cardio::CardErrorCode::CardRemoved, "emulated card removed"));
    }
    return response;
}

} // namespace kakanai::vcard
