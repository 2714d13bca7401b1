// The emulator's command handlers (mynumber-card.md §8.3).
#include "card_impl.hpp"

#include <algorithm>
#include <cstring>
#include <openssl/rsa.h>

namespace kakanai::vcard {

namespace {
constexpr std::uint16_t OK = 0x9000;
constexpr std::uint16_t WRONG_LENGTH = 0x6700;
constexpr std::uint16_t INCOMPATIBLE_FILE = 0x6981;
constexpr std::uint16_t SECURITY_NOT_SATISFIED = 0x6982;
constexpr std::uint16_t BLOCKED = 0x6984;
constexpr std::uint16_t CONDITIONS_NOT_SATISFIED = 0x6985;
constexpr std::uint16_t NO_CURRENT_EF = 0x6986;
constexpr std::uint16_t NOT_FOUND = 0x6A82;
constexpr std::uint16_t WRONG_P1P2 = 0x6A86;
constexpr std::uint16_t WRONG_OFFSET = 0x6B00;
constexpr std::uint16_t INS_NOT_SUPPORTED = 0x6D00;
constexpr std::uint16_t CLA_NOT_SUPPORTED = 0x6E00;
} // namespace

ElementaryFile* MyNumberCard::Impl::file(std::uint16_t id)
{
    if (currentDf == nullptr) {
        return nullptr;
    }
    auto it = currentDf->files.find(id);
    return it == currentDf->files.end() ? nullptr : &it->second;
}

bool MyNumberCard::Impl::readable(const ElementaryFile& ef) const
{
    if (ef.readUnlockedBy.empty()) {
        return true;
    }
    return std::any_of(ef.readUnlockedBy.begin(), ef.readUnlockedBy.end(),
        [&](std::uint16_t pin) { return verified.count(pin) > 0; });
}

SecureBytes MyNumberCard::Impl::withData(ByteView data, std::uint16_t sw)
{
    if (faults.useGetResponse && !data.empty()) {
        // T=0 style: announce the data with 61 xx and hand it out on GET RESPONSE.
        pendingResponse = SecureBytes(data);
        std::size_t n = std::min<std::size_t>(pendingResponse.size(), 256);
        return statusOnly(static_cast<std::uint16_t>(0x6100 | (n == 256 ? 0 : n)));
    }
    SecureBytes out(data);
    out.push_back(static_cast<std::uint8_t>(sw >> 8));
    out.push_back(static_cast<std::uint8_t>(sw));
    return out;
}

SecureBytes MyNumberCard::Impl::dispatch(const ParsedApdu& apdu)
{
    if (apdu.cla != 0x00 && apdu.cla != 0x80) {
        return statusOnly(CLA_NOT_SUPPORTED);
    }
    if (apdu.ins != 0xC0) {
        pendingResponse.wipe();
    }
    switch (apdu.ins) {
    case 0xA4:
        return select(apdu);
    case 0x20:
        return verify(apdu);
    case 0x24:
        return changeReference(apdu);
    case 0xB0:
        return readBinary(apdu);
    case 0x2A:
        return sign(apdu);
    case 0xB2:
        return readRecord(apdu);
    case 0xC0:
        return getResponse(apdu);
    default:
        return statusOnly(INS_NOT_SUPPORTED);
    }
}

SecureBytes MyNumberCard::Impl::select(const ParsedApdu& apdu)
{
    if (apdu.p1 == 0x04) {
        if (apdu.data.empty() || apdu.data.size() > 16) {
            return statusOnly(WRONG_LENGTH);
        }
        for (DedicatedFile& df : dfs) {
            // Full or partial DF name (mynumber-card.md §1.1: the card accepts prefixes).
            if (apdu.data.size() <= df.aid.size()
                && std::equal(apdu.data.begin(), apdu.data.end(), df.aid.begin())) {
                clearSecurity();
                currentDf = &df;
                return statusOnly(OK);
            }
        }
        return statusOnly(NOT_FOUND);
    }
    if (apdu.p1 == 0x02) {
        if (apdu.data.size() != 2) {
            return statusOnly(WRONG_LENGTH);
        }
        std::uint16_t id = static_cast<std::uint16_t>(apdu.data[0] << 8 | apdu.data[1]);
        if (file(id) == nullptr) {
            return statusOnly(NOT_FOUND);
        }
        currentEf = id;
        return statusOnly(OK);
    }
    return statusOnly(WRONG_P1P2);
}

SecureBytes MyNumberCard::Impl::verify(const ParsedApdu& apdu)
{
    if (apdu.p1 != 0x00 || (apdu.p2 & 0x80) == 0) {
        return statusOnly(WRONG_P1P2);
    }
    std::optional<std::uint16_t> target = currentEf;
    if ((apdu.p2 & 0x1F) != 0) {
        target = static_cast<std::uint16_t>(apdu.p2 & 0x1F); // short EF identifier form
    }
    ElementaryFile* ef = target ? file(*target) : nullptr;
    if (ef == nullptr || ef->kind != ElementaryFile::Kind::Pin) {
        return statusOnly(NO_CURRENT_EF);
    }
    PinState& pin = ef->pin;
    int& remaining = pin.remaining != nullptr ? *pin.remaining : pin.local;
    if (apdu.data.empty()) { // the query: costs nothing
        if (remaining <= 0) {
            return statusOnly(faults.pinAnswerBlockedQueryAs6984 ? BLOCKED : 0x63C0);
        }
        return statusOnly(static_cast<std::uint16_t>(0x63C0 | std::min(remaining, 15)));
    }
    if (remaining <= 0) {
        return statusOnly(BLOCKED);
    }
    bool match = apdu.data.size() == pin.value.size()
        && std::equal(apdu.data.begin(), apdu.data.end(), pin.value.begin());
    if (!match) {
        --remaining;
        persist();
        return statusOnly(static_cast<std::uint16_t>(0x63C0 | std::min(remaining, 15)));
    }
    remaining = pin.maxTries;
    persist();
    verified.insert(*target);
    return statusOnly(OK);
}

SecureBytes MyNumberCard::Impl::changeReference(const ParsedApdu& apdu)
{
    ElementaryFile* ef = currentEf ? file(*currentEf) : nullptr;
    if (ef == nullptr || ef->kind != ElementaryFile::Kind::Pin) {
        return statusOnly(NO_CURRENT_EF);
    }
    if (verified.count(*currentEf) == 0) {
        return statusOnly(SECURITY_NOT_SATISFIED);
    }
    if (apdu.data.empty()) {
        return statusOnly(WRONG_LENGTH);
    }
    ef->pin.value = apdu.data; // in memory only: fixtures stay as written
    return statusOnly(OK);
}

SecureBytes MyNumberCard::Impl::readBinary(const ParsedApdu& apdu)
{
    std::size_t offset;
    if (apdu.p1 & 0x80) { // SFI form: P1 = 80 | SFI, P2 = offset; also selects the EF
        std::uint16_t sfi = apdu.p1 & 0x1F;
        if (file(sfi) == nullptr) {
            return statusOnly(NOT_FOUND);
        }
        currentEf = sfi;
        offset = apdu.p2;
    } else {
        offset = static_cast<std::size_t>(apdu.p1 << 8 | apdu.p2);
    }
    ElementaryFile* ef = currentEf ? file(*currentEf) : nullptr;
    if (ef == nullptr) {
        return statusOnly(NO_CURRENT_EF);
    }
    if (ef->kind != ElementaryFile::Kind::Data) {
        return statusOnly(INCOMPATIBLE_FILE);
    }
    if (!readable(*ef)) {
        return statusOnly(SECURITY_NOT_SATISFIED);
    }
    if (!apdu.le) {
        return statusOnly(WRONG_LENGTH);
    }
    if (offset > ef->content.size()) {
        return statusOnly(WRONG_OFFSET);
    }
    std::size_t available = ef->content.size() - offset;
    std::size_t n = std::min<std::size_t>(available, *apdu.le);
    if (faults.demandExactLe && !apdu.extended && *apdu.le != n && n < 256) {
        return statusOnly(static_cast<std::uint16_t>(0x6C00 | n));
    }
    return withData(ByteView(ef->content.data() + offset, n), OK);
}

SecureBytes MyNumberCard::Impl::sign(const ParsedApdu& apdu)
{
    if (apdu.cla != 0x80 || apdu.p1 != 0x00 || apdu.p2 != 0x80) {
        return statusOnly(WRONG_P1P2);
    }
    ElementaryFile* ef = currentEf ? file(*currentEf) : nullptr;
    if (ef == nullptr || ef->kind != ElementaryFile::Kind::Key) {
        return statusOnly(CONDITIONS_NOT_SATISFIED);
    }
    if (verified.count(ef->keyPin) == 0) {
        return statusOnly(SECURITY_NOT_SATISFIED);
    }
    if (apdu.data.empty() || apdu.data.size() > 245) { // k - 11 for RSA-2048 PKCS#1 v1.5
        return statusOnly(WRONG_LENGTH);
    }
    // The card pads (PKCS#1 v1.5 type 1) and signs the DigestInfo the host sent, unhashed.
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(ef->key, nullptr), &EVP_PKEY_CTX_free);
    std::size_t length = 0;
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0
        || EVP_PKEY_sign(ctx.get(), nullptr, &length, apdu.data.data(), apdu.data.size()) <= 0) {
        return statusOnly(0x6F00);
    }
    Bytes signature(length);
    if (EVP_PKEY_sign(ctx.get(), signature.data(), &length, apdu.data.data(), apdu.data.size())
        <= 0) {
        return statusOnly(0x6F00);
    }
    signature.resize(length);
    return withData(signature, OK);
}

SecureBytes MyNumberCard::Impl::readRecord(const ParsedApdu& apdu)
{
    // READ RECORD P1 = record number, P2 = SFI << 3 | 04 (P1 is a record number). Only the
    // 住基AP has a record file (mynumber-card.md §1.5).
    if ((apdu.p2 & 0x07) != 0x04) {
        return statusOnly(WRONG_P1P2);
    }
    std::uint16_t sfi = apdu.p2 >> 3;
    ElementaryFile* ef = sfi != 0 ? file(sfi) : (currentEf ? file(*currentEf) : nullptr);
    if (ef == nullptr) {
        return statusOnly(sfi != 0 ? NOT_FOUND : NO_CURRENT_EF);
    }
    if (ef->kind != ElementaryFile::Kind::Record) {
        return statusOnly(INCOMPATIBLE_FILE);
    }
    if (apdu.p1 != 0x01) {
        return statusOnly(0x6A83); // record not found
    }
    if (sfi != 0) {
        currentEf = sfi;
    }
    std::size_t n = std::min<std::size_t>(ef->content.size(), apdu.le.value_or(256));
    return withData(ByteView(ef->content.data(), n), OK);
}

SecureBytes MyNumberCard::Impl::getResponse(const ParsedApdu& apdu)
{
    if (pendingResponse.empty()) {
        return statusOnly(CONDITIONS_NOT_SATISFIED);
    }
    std::size_t n = std::min<std::size_t>(pendingResponse.size(), apdu.le.value_or(256));
    SecureBytes out(pendingResponse.begin(), pendingResponse.begin() + static_cast<long>(n));
    pendingResponse.erase(pendingResponse.begin(), pendingResponse.begin() + static_cast<long>(n));
    std::uint16_t sw = OK;
    if (!pendingResponse.empty()) {
        std::size_t more = std::min<std::size_t>(pendingResponse.size(), 256);
        sw = static_cast<std::uint16_t>(0x6100 | (more == 256 ? 0 : more));
    }
    out.push_back(static_cast<std::uint8_t>(sw >> 8));
    out.push_back(static_cast<std::uint8_t>(sw));
    return out;
}

} // namespace kakanai::vcard
