// The master key file: 32 random bytes and a key id, which wrap every record's data key and the
// audit secret. File format (48 bytes): "KKQKEY1\n" || key id (8 random bytes) || key (32
// random bytes); created with mode 0600 and never overwritten.
//
// Errors: createMasterKeyFile → Io (cannot create, or the file exists: it is never overwritten);
// loadMasterKey → KeyMissing (no such file), KeyInsecure (group or other may read or write it,
// or it is not a regular file), KeyInvalid (wrong size or magic).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/queue/error.hpp"

#include <filesystem>
#include <string>

namespace kakanai::queue {

struct MasterKey
{
    std::string id; ///< 16 lower-case hex digits, stored next to everything it wraps
    SecureBytes key; ///< 32 bytes
};

/** A new random key (not written anywhere). */
MasterKey generateMasterKey();

/** Writes a new random key to `path` (O_EXCL, mode 0600) and returns it. */
Result<MasterKey, QueueError> createMasterKeyFile(const std::filesystem::path& path);

/** Reads a key file, refusing one that group or other can access. */
Result<MasterKey, QueueError> loadMasterKey(const std::filesystem::path& path);

} // namespace kakanai::queue
