#include "kakanai/cardio/pin.hpp"

#include "kakanai/cardio/file_reader.hpp"

namespace kakanai::cardio {

Result<PinStatus, CardError> queryPinStatus(ApduChannel& channel)
{
    auto response = channel.transmit(CommandApdu::verifyQuery());
    if (!response) {
        return response.failure();
    }
    if (auto tries = response->triesLeft()) {
        return PinStatus { *tries, *tries == 0 };
    }
    if (response->sw() == sw::AUTH_METHOD_BLOCKED) {
        return PinStatus { 0, true };
    }
    // The card's answer to an empty VERIFY after a successful one is not documented
    // (mynumber-card.md §2.2, [U]); 90 00 means "verified", so the counter is full.
    if (response->isOk()) {
        return PinStatus { -1, false };
    }
    return fail(statusError(*response, "VERIFY (query)"));
}

Result<Ok, CardError> verifyPinSafely(
    ApduChannel& channel, const SecureBytes& secret, bool allowLastTry)
{
    auto status = queryPinStatus(channel);
    if (!status) {
        return status.failure();
    }
    if (status->locked) {
        CardError error = CardError::make(CardErrorCode::PinLocked, "PIN blocked");
        error.triesLeft = 0;
        return fail(error);
    }
    if (status->triesLeft == 1 && !allowLastTry) {
        CardError error
            = CardError::make(CardErrorCode::LastTryRefused, "one try left; the PIN was not sent");
        error.triesLeft = 1;
        return fail(error);
    }
    auto response = channel.transmit(CommandApdu::verify(secret.view()));
    if (!response) {
        return response.failure();
    }
    if (!response->isOk()) {
        return fail(statusError(*response, "VERIFY"));
    }
    return Ok {};
}

bool isDigits(const SecureBytes& secret, std::size_t length)
{
    if (secret.size() != length) {
        return false;
    }
    for (auto b : secret) {
        if (b < '0' || b > '9') {
            return false;
        }
    }
    return true;
}

} // namespace kakanai::cardio
