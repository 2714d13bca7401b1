// PIN safety, shared by every AP (a locked card costs the resident a trip to the counter):
// the tries left are queried with the empty VERIFY (costs no try) before every VERIFY with
// data; with one try left the secret is not sent unless the caller allows the last try.
//
// Errors: WrongPin (triesLeft set), PinLocked (69 84 or 0 tries), LastTryRefused (triesLeft
// = 1), plus channel errors. The functions never log or trace the secret.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"
#include "kakanai/cardio/transport.hpp"

namespace kakanai::cardio {

/** PIN counter state of one credential. */
struct PinStatus
{
    int triesLeft = -1;
    bool locked = false;
};

/** Empty VERIFY on the currently selected PIN EF. */
Result<PinStatus, CardError> queryPinStatus(ApduChannel& channel);

/**
 * Queries, then VERIFYs `secret` against the currently selected PIN EF. The VERIFY command
 * buffer is zeroed when this returns; `secret` itself is the caller's to wipe.
 */
Result<Ok, CardError> verifyPinSafely(
    ApduChannel& channel, const SecureBytes& secret, bool allowLastTry);

/** True for exactly `length` ASCII digits. */
bool isDigits(const SecureBytes& secret, std::size_t length);

} // namespace kakanai::cardio
