#include "kakanai/cardio/errors.hpp"

#include <cstdio>
#include <initializer_list>
#include <iterator>

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

namespace {

struct ResidentMessage
{
    std::initializer_list<CardErrorCode> codes;
    const char* ja;
    const char* en;
};

// What a resident reads at the kiosk, in plain words. "{n}" is replaced by the tries left.
// The last entry is the fallback for every code not listed.
const ResidentMessage MESSAGES[] = {
    { { CardErrorCode::WrongPin }, "暗証番号が違います。残り{n}回です。",
        "The PIN is wrong. {n} tries left." },
    { { CardErrorCode::PinLocked }, "暗証番号がロックされています。窓口で手続きしてください。",
        "The PIN is locked. Please go to the counter." },
    { { CardErrorCode::LastTryRefused },
        "暗証番号の入力はあと1回で、間違えるとロックされます。窓口の職員がお手伝いします。",
        "Only one PIN try is left; a mistake would lock the card. Staff will help you." },
    { { CardErrorCode::InvalidPinFormat }, "暗証番号の桁数または文字が正しくありません。",
        "The PIN has the wrong number of digits or characters." },
    { { CardErrorCode::CardRemoved, CardErrorCode::CardSwapped },
        "カードが取り外されました。もう一度カードを置いてください。",
        "The card was removed. Please place your card again." },
    { { CardErrorCode::NoCard }, "カードが見つかりません。マイナンバーカードを置いてください。",
        "No card found. Please place your My Number card." },
    { { CardErrorCode::NoReader, CardErrorCode::ReaderUnavailable,
          CardErrorCode::ServiceUnavailable },
        "カードリーダーが使えません。職員をお呼びください。",
        "The card reader is not available. Please call staff." },
    { { CardErrorCode::JukiCard },
        "これは住民基本台帳カードです。マイナンバーカードをお使いください。",
        "This is a Basic Resident Register card. Please use your My Number card." },
    { { CardErrorCode::SmartphoneJpki },
        "スマートフォンの電子証明書ではお手続きできません。マイナンバーカードをお使いください。",
        "A smartphone certificate cannot be used here. Please use your My Number card." },
    { { CardErrorCode::NotMyNumberCard },
        "マイナンバーカードではないようです。マイナンバーカードを置いてください。",
        "This does not seem to be a My Number card. Please place your My Number card." },
    { { CardErrorCode::MalformedData },
        "カードの情報を正しく読み取れませんでした。窓口でお手続きください。",
        "The card data could not be read correctly. Please go to the counter." },
    { {}, "カードを読み取れませんでした。職員をお呼びください。",
        "The card could not be read. Please call staff." },
};

std::string residentMessage(const CardError& error, bool japanese)
{
    const ResidentMessage* found = &MESSAGES[std::size(MESSAGES) - 1];
    for (const auto& message : MESSAGES) {
        for (CardErrorCode code : message.codes) {
            if (code == error.code) {
                found = &message;
            }
        }
    }
    std::string text = japanese ? found->ja : found->en;
    if (auto at = text.find("{n}"); at != std::string::npos) {
        text.replace(at, 3, std::to_string(error.triesLeft));
    }
    return text;
}

} // namespace

std::string residentMessageJa(const CardError& error)
{
    return residentMessage(error, true);
}

std::string residentMessageEn(const CardError& error)
{
    return residentMessage(error, false);
}

} // namespace kakanai::cardio
