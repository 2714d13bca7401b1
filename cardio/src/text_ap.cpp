#include "kakanai/cardio/text_ap.hpp"

#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/file_reader.hpp"

namespace kakanai::cardio {

void CardContents::wipe()
{
    if (myNumber) {
        myNumber->wipe();
        myNumber.reset();
    }
    basicInfo.wipe();
}

Result<Ok, CardError> TextAp::select()
{
    return selectAid(m_channel, mynumber::TEXT_AID);
}

Result<PinStatus, CardError> TextAp::pinStatus()
{
    auto selected = selectEf(m_channel, mynumber::text_ef::PIN);
    if (!selected) {
        return selected.failure();
    }
    return queryPinStatus(m_channel);
}

Result<Ok, CardError> TextAp::verifyOn(
    std::uint16_t pinEf, const SecureBytes& secret, bool allowLastTry)
{
    auto selected = selectEf(m_channel, pinEf);
    if (!selected) {
        return selected.failure();
    }
    return verifyPinSafely(m_channel, secret, allowLastTry);
}

Result<BasicInfo, CardError> TextAp::readBasicInfo()
{
    auto selected = selectEf(m_channel, mynumber::text_ef::BASIC_INFO);
    if (!selected) {
        return selected.failure();
    }
    ReadOptions options;
    options.extendedLength = m_extended;
    auto file = readTlvFile(m_channel, options, &m_fellBack);
    if (!file) {
        return file.failure();
    }
    return parseBasicInfo(file->view());
}

Result<CardContents, CardError> TextAp::readWithPin(const SecureBytes& pin, bool allowLastTry)
{
    if (!isDigits(pin, mynumber::TEXT_PIN_LENGTH)) {
        return fail(CardError::make(CardErrorCode::InvalidPinFormat, "the PIN must be 4 digits"));
    }
    auto verified = verifyOn(mynumber::text_ef::PIN, pin, allowLastTry);
    if (!verified) {
        return verified.failure();
    }
    auto selected = selectEf(m_channel, mynumber::text_ef::MY_NUMBER);
    if (!selected) {
        return selected.failure();
    }
    ReadOptions numberOptions;
    numberOptions.sensitivity = ApduSensitivity::MyNumberResponse;
    numberOptions.firstLe = 17; // FF 10 0C + 12 digits + FF FF
    auto numberFile = readTlvFile(m_channel, numberOptions);
    if (!numberFile) {
        return numberFile.failure();
    }
    CardContents contents;
    auto number = parseMyNumberEf(numberFile->view());
    if (!number) {
        return number.failure();
    }
    contents.myNumber = std::move(*number);
    auto info = readBasicInfo();
    if (!info) {
        contents.wipe();
        return info.failure();
    }
    contents.basicInfo = std::move(*info);
    return contents;
}

Result<CardContents, CardError> TextAp::readWithCollationB(
    const SecureBytes& collationB, bool allowLastTry)
{
    if (!isDigits(collationB, mynumber::COLLATION_B_LENGTH)) {
        return fail(CardError::make(CardErrorCode::InvalidPinFormat,
            "照合番号B must be 14 digits (birth YYMMDD + expiry year + security code)"));
    }
    auto verified = verifyOn(mynumber::text_ef::COLLATION_B, collationB, allowLastTry);
    if (!verified) {
        return verified.failure();
    }
    auto info = readBasicInfo();
    if (!info) {
        return info.failure();
    }
    CardContents contents;
    contents.basicInfo = std::move(*info);
    return contents;
}

} // namespace kakanai::cardio
