// Internal: checks and the idempotency digest of a SealedRecord that a kiosk forwards to the
// server (see outbox.hpp and store_import.cpp).
//
// Errors: validateSealed throws QueueException InvalidArgument naming the first problem (never
// personal: it names fields, not their ciphertexts).
#pragma once

#include "kakanai/queue/outbox.hpp"

namespace kakanai::queue::detail {

/** Size of a wrapped data key: nonce, 32-byte key, tag. */
inline constexpr std::size_t WRAPPED_KEY_SIZE = 12 + 32 + 16;

void validateSealed(const SealedRecord& record);

/**
 * HMAC-SHA256 under `digestKey` of the id and everything the record carries (metadata, ticket,
 * key id, ciphertexts), each field length-prefixed so that no two records encode alike.
 */
Bytes sealedDigest(ByteView digestKey, const SealedRecord& record);

} // namespace kakanai::queue::detail
