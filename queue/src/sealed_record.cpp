// Checks and digest of a forwarded sealed record (see sealed_record.hpp).
#include "sealed_record.hpp"

#include "crypto.hpp"
#include "identifiers.hpp"
#include "queue_exception.hpp"

namespace kakanai::queue::detail {

namespace {

/** A ticket is whatever prefix the kiosk was given plus digits: 1-64 bytes, no control bytes. */
bool isTicket(const std::string& text)
{
    if (text.empty() || text.size() > 64) {
        return false;
    }
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return false;
        }
    }
    return true;
}

bool isDay(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) {
            return false;
        }
    }
    return true;
}

constexpr std::size_t MIN_SEALED = 12 + 16; // nonce and tag around an empty plaintext

} // namespace

void validateSealed(const SealedRecord& r)
{
    auto bad = [](const std::string& what) { raise(QueueErrorCode::InvalidArgument, what); };
    if (!isUuid(r.id)) {
        bad("a forwarded record's id must be a UUID");
    }
    const std::string which = "forwarded record " + r.id + ": ";
    if (!isName(r.templateId, 64) || !isName(r.procedure, 64) || !isName(r.kioskId, 64)
        || !isName(r.language, 16) || !isName(r.counterGroup, 16)
        || (!r.visitId.empty() && !isName(r.visitId, 64)) || !isName(r.keyId, 64)) {
        bad(which
            + "template, procedure, kiosk, language, counter group, visit and key ids must be "
              "1-64 characters of A-Z a-z 0-9 - _ .");
    }
    if (r.templateVersion < 1) {
        bad(which + "the template version must be at least 1");
    }
    if (!isTicket(r.ticket) || !isDay(r.ticketDay)) {
        bad(which + "it needs a ticket (1-64 bytes) and a ticket day YYYY-MM-DD");
    }
    if (r.submittedAtMs <= 0 || (r.cardReadAtMs && *r.cardReadAtMs < 0)) {
        bad(which + "its times must be positive unix milliseconds");
    }
    if (r.wrappedKey.size() != WRAPPED_KEY_SIZE || r.payload.size() < MIN_SEALED
        || (r.myNumber && r.myNumber->size() < MIN_SEALED)) {
        bad(which + "its wrapped key or ciphertexts have the wrong size (not a sealed envelope)");
    }
}

Bytes sealedDigest(ByteView digestKey, const SealedRecord& r)
{
    Bytes message;
    auto add = [&](ByteView part) {
        const std::uint64_t size = part.size();
        for (int shift = 56; shift >= 0; shift -= 8) {
            message.push_back(static_cast<std::uint8_t>(size >> shift));
        }
        message.insert(message.end(), part.begin(), part.end());
    };
    auto addText = [&](const std::string& text) { add(asBytes(text)); };
    auto addNumber = [&](std::optional<std::int64_t> value) {
        addText(value ? std::to_string(*value) : std::string("-"));
    };
    addText("kakanai.sealed-record.v1");
    addText(r.id);
    addText(r.templateId);
    addNumber(r.templateVersion);
    addText(r.procedure);
    addText(r.kioskId);
    addText(r.language);
    addText(r.counterGroup);
    addText(r.visitId);
    addText(r.ticket);
    addText(r.ticketDay);
    addNumber(r.submittedAtMs);
    addNumber(r.cardReadAtMs);
    addText(r.keyId);
    add(r.wrappedKey);
    add(r.payload);
    addText(r.myNumber ? "my_number" : "-");
    if (r.myNumber) {
        add(*r.myNumber);
    }
    return hmacSha256(digestKey, message);
}

} // namespace kakanai::queue::detail
