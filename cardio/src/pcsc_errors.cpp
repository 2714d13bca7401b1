// fromPcscCode(): maps a pcsc-lite return code to a typed CardError (mapping in pcsc.hpp).
#include "kakanai/cardio/errors.hpp"

#include <winscard.h>

#include <cstdio>

namespace kakanai::cardio {

namespace {

struct CodeInfo
{
    std::uint32_t code;
    const char* name;
    CardErrorCode mapped;
};

constexpr CardErrorCode kComm = CardErrorCode::CommunicationFailed;

constexpr CodeInfo kCodes[] = {
    { static_cast<std::uint32_t>(SCARD_E_NO_SERVICE), "SCARD_E_NO_SERVICE",
        CardErrorCode::ServiceUnavailable },
    { static_cast<std::uint32_t>(SCARD_E_SERVICE_STOPPED), "SCARD_E_SERVICE_STOPPED",
        CardErrorCode::ServiceUnavailable },
    { static_cast<std::uint32_t>(SCARD_E_NO_READERS_AVAILABLE), "SCARD_E_NO_READERS_AVAILABLE",
        CardErrorCode::NoReader },
    { static_cast<std::uint32_t>(SCARD_E_UNKNOWN_READER), "SCARD_E_UNKNOWN_READER",
        CardErrorCode::NoReader },
    { static_cast<std::uint32_t>(SCARD_E_READER_UNAVAILABLE), "SCARD_E_READER_UNAVAILABLE",
        CardErrorCode::ReaderUnavailable },
    { static_cast<std::uint32_t>(SCARD_E_NO_SMARTCARD), "SCARD_E_NO_SMARTCARD",
        CardErrorCode::NoCard },
    { static_cast<std::uint32_t>(SCARD_W_REMOVED_CARD), "SCARD_W_REMOVED_CARD",
        CardErrorCode::CardRemoved },
    { static_cast<std::uint32_t>(SCARD_W_RESET_CARD), "SCARD_W_RESET_CARD",
        CardErrorCode::CardReset },
    { static_cast<std::uint32_t>(SCARD_E_TIMEOUT), "SCARD_E_TIMEOUT", CardErrorCode::Timeout },
    { static_cast<std::uint32_t>(SCARD_E_CANCELLED), "SCARD_E_CANCELLED",
        CardErrorCode::Cancelled },
    { static_cast<std::uint32_t>(SCARD_E_SHARING_VIOLATION), "SCARD_E_SHARING_VIOLATION",
        CardErrorCode::SharingViolation },
    { static_cast<std::uint32_t>(SCARD_E_NOT_TRANSACTED), "SCARD_E_NOT_TRANSACTED", kComm },
    { static_cast<std::uint32_t>(SCARD_W_UNRESPONSIVE_CARD), "SCARD_W_UNRESPONSIVE_CARD", kComm },
    { static_cast<std::uint32_t>(SCARD_W_UNPOWERED_CARD), "SCARD_W_UNPOWERED_CARD", kComm },
    { static_cast<std::uint32_t>(SCARD_W_UNSUPPORTED_CARD), "SCARD_W_UNSUPPORTED_CARD", kComm },
    { static_cast<std::uint32_t>(SCARD_E_PROTO_MISMATCH), "SCARD_E_PROTO_MISMATCH", kComm },
    { static_cast<std::uint32_t>(SCARD_E_NOT_READY), "SCARD_E_NOT_READY", kComm },
    { static_cast<std::uint32_t>(SCARD_E_COMM_DATA_LOST), "SCARD_E_COMM_DATA_LOST", kComm },
    { static_cast<std::uint32_t>(SCARD_E_INSUFFICIENT_BUFFER), "SCARD_E_INSUFFICIENT_BUFFER",
        kComm },
    { static_cast<std::uint32_t>(SCARD_E_INVALID_HANDLE), "SCARD_E_INVALID_HANDLE", kComm },
    { static_cast<std::uint32_t>(SCARD_E_INVALID_PARAMETER), "SCARD_E_INVALID_PARAMETER", kComm },
    { static_cast<std::uint32_t>(SCARD_E_INVALID_VALUE), "SCARD_E_INVALID_VALUE", kComm },
    { static_cast<std::uint32_t>(SCARD_E_NO_MEMORY), "SCARD_E_NO_MEMORY", kComm },
    { static_cast<std::uint32_t>(SCARD_E_SERVER_TOO_BUSY), "SCARD_E_SERVER_TOO_BUSY", kComm },
    { static_cast<std::uint32_t>(SCARD_E_UNEXPECTED), "SCARD_E_UNEXPECTED", kComm },
    { static_cast<std::uint32_t>(SCARD_E_CARD_UNSUPPORTED), "SCARD_E_CARD_UNSUPPORTED", kComm },
    { static_cast<std::uint32_t>(SCARD_E_SYSTEM_CANCELLED), "SCARD_E_SYSTEM_CANCELLED", kComm },
    { static_cast<std::uint32_t>(SCARD_F_COMM_ERROR), "SCARD_F_COMM_ERROR", kComm },
    { static_cast<std::uint32_t>(SCARD_F_INTERNAL_ERROR), "SCARD_F_INTERNAL_ERROR", kComm },
    { static_cast<std::uint32_t>(SCARD_F_UNKNOWN_ERROR), "SCARD_F_UNKNOWN_ERROR", kComm },
    { static_cast<std::uint32_t>(SCARD_F_WAITED_TOO_LONG), "SCARD_F_WAITED_TOO_LONG", kComm },
    { static_cast<std::uint32_t>(SCARD_P_SHUTDOWN), "SCARD_P_SHUTDOWN", kComm },
};

} // namespace

CardError fromPcscCode(std::uint32_t code, const char* function)
{
    const char* name = "unknown SCARD code";
    CardErrorCode mapped = CardErrorCode::CommunicationFailed;
    for (const CodeInfo& info : kCodes) {
        if (info.code == code) {
            name = info.name;
            mapped = info.mapped;
            break;
        }
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(code));
    CardError error = CardError::make(mapped,
        std::string(function != nullptr ? function : "PC/SC") + ": " + name + " (" + hex + ")");
    error.pcscCode = code;
    return error;
}

} // namespace kakanai::cardio
