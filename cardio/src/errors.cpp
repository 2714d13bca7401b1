#include "kakanai/cardio/errors.hpp"

#include <cstdio>

namespace kakanai::cardio {

const char* codeName(CardErrorCode code)
{
    switch (code) {
    case CardErrorCode::ServiceUnavailable:
        return "service_unavailable";
    case CardErrorCode::NoReader:
        return "no_reader";
    case CardErrorCode::ReaderUnavailable:
        return "reader_unavailable";
    case CardErrorCode::NoCard:
        return "no_card";
    case CardErrorCode::CardRemoved:
        return "card_removed";
    case CardErrorCode::CardReset:
        return "card_reset";
    case CardErrorCode::CardSwapped:
        return "card_swapped";
    case CardErrorCode::Timeout:
        return "timeout";
    case CardErrorCode::Cancelled:
        return "cancelled";
    case CardErrorCode::SharingViolation:
        return "sharing_violation";
    case CardErrorCode::CommunicationFailed:
        return "communication_failed";
    case CardErrorCode::NotMyNumberCard:
        return "not_my_number_card";
    case CardErrorCode::JukiCard:
        return "juki_card";
    case CardErrorCode::SmartphoneJpki:
        return "smartphone_jpki";
    case CardErrorCode::MalformedData:
        return "malformed_data";
    case CardErrorCode::WrongPin:
        return "wrong_pin";
    case CardErrorCode::PinLocked:
        return "pin_locked";
    case CardErrorCode::LastTryRefused:
        return "last_try_refused";
    case CardErrorCode::InvalidPinFormat:
        return "invalid_pin_format";
    case CardErrorCode::SecurityStatusNotSatisfied:
        return "security_status_not_satisfied";
    case CardErrorCode::FileNotFound:
        return "file_not_found";
    case CardErrorCode::WrongLength:
        return "wrong_length";
    case CardErrorCode::UnexpectedStatus:
        return "unexpected_status";
    case CardErrorCode::CertificateInvalid:
        return "certificate_invalid";
    }
    return "unknown";
}

std::string describe(const CardError& error)
{
    std::string text = codeName(error.code);
    if (!error.detail.empty()) {
        text += ": " + error.detail;
    }
    char buffer[64];
    if (error.triesLeft >= 0) {
        std::snprintf(buffer, sizeof buffer, " (tries left: %d)", error.triesLeft);
        text += buffer;
    }
    if (error.pcscCode != 0) {
        std::snprintf(buffer, sizeof buffer, " [PC/SC 0x%08X]", error.pcscCode);
        text += buffer;
    }
    if (error.statusWord != 0) {
        std::snprintf(buffer, sizeof buffer, " [SW %04X]", error.statusWord);
        text += buffer;
    }
    return text;
}

std::string residentMessageJa(const CardError& error)
{
    switch (error.code) {
    case CardErrorCode::WrongPin:
        return "暗証番号が違います。残り" + std::to_string(error.triesLeft) + "回です。";
    case CardErrorCode::PinLocked:
        return "暗証番号がロックされています。窓口で手続きしてください。";
    case CardErrorCode::LastTryRefused:
        return "暗証番号の入力はあと1回で、間違えるとロックされます。窓口の職員がお手伝いします。";
    case CardErrorCode::InvalidPinFormat:
        return "暗証番号の桁数または文字が正しくありません。";
    case CardErrorCode::CardRemoved:
    case CardErrorCode::CardSwapped:
        return "カードが取り外されました。もう一度カードを置いてください。";
    case CardErrorCode::NoCard:
        return "カードが見つかりません。マイナンバーカードを置いてください。";
    case CardErrorCode::NoReader:
    case CardErrorCode::ReaderUnavailable:
    case CardErrorCode::ServiceUnavailable:
        return "カードリーダーが使えません。職員をお呼びください。";
    case CardErrorCode::JukiCard:
        return "これは住民基本台帳カードです。マイナンバーカードをお使いください。";
    case CardErrorCode::SmartphoneJpki:
        return "スマートフォンの電子証明書ではお手続きできません。マイナンバーカードをお使いくださ"
               "い。";
    case CardErrorCode::NotMyNumberCard:
        return "マイナンバーカードではないようです。マイナンバーカードを置いてください。";
    case CardErrorCode::MalformedData:
        return "カードの情報を正しく読み取れませんでした。窓口でお手続きください。";
    default:
        return "カードを読み取れませんでした。職員をお呼びください。";
    }
}

std::string residentMessageEn(const CardError& error)
{
    switch (error.code) {
    case CardErrorCode::WrongPin:
        return "The PIN is wrong. " + std::to_string(error.triesLeft) + " tries left.";
    case CardErrorCode::PinLocked:
        return "The PIN is locked. Please go to the counter.";
    case CardErrorCode::LastTryRefused:
        return "Only one PIN try is left; a mistake would lock the card. Staff will help you.";
    case CardErrorCode::InvalidPinFormat:
        return "The PIN has the wrong number of digits or characters.";
    case CardErrorCode::CardRemoved:
    case CardErrorCode::CardSwapped:
        return "The card was removed. Please place your card again.";
    case CardErrorCode::NoCard:
        return "No card found. Please place your My Number card.";
    case CardErrorCode::NoReader:
    case CardErrorCode::ReaderUnavailable:
    case CardErrorCode::ServiceUnavailable:
        return "The card reader is not available. Please call staff.";
    case CardErrorCode::JukiCard:
        return "This is a Basic Resident Register card. Please use your My Number card.";
    case CardErrorCode::SmartphoneJpki:
        return "A smartphone certificate cannot be used here. Please use your My Number card.";
    case CardErrorCode::NotMyNumberCard:
        return "This does not seem to be a My Number card. Please place your My Number card.";
    case CardErrorCode::MalformedData:
        return "The card data could not be read correctly. Please go to the counter.";
    default:
        return "The card could not be read. Please call staff.";
    }
}

} // namespace kakanai::cardio
