// The printer's own phrases in en, ja-easy, zh, ko, vi and pt.
#include "fixed_text.hpp"

namespace kakanai::printer::detail {
namespace {

struct Phrase
{
    std::string_view ja, en, jaEasy, zh, ko, vi, pt;
};

constexpr Phrase PHRASES[] = {
    { "申請日", "Date of application", "かいた ひ", "申请日期", "신청일", "Ngày nộp",
        "Data do pedido" },
    { "受付番号", "Ticket number", "うけつけ ばんごう", "受理号码", "접수 번호", "Số thứ tự",
        "Número da senha" },
    { "署名", "Signature", "じぶんの なまえを かいて ください", "签名", "서명", "Chữ ký",
        "Assinatura" },
    { "ご用件", "Your requests", "ようじ", "办理事项", "용건", "Thủ tục", "Pedidos" },
    { "受付日時", "Time of arrival", "きた じかん", "受理时间", "접수 일시", "Thời gian",
        "Hora de chegada" },
    { "番号をお呼びするまでお待ちください。", "Please wait until your number is called.",
        "ばんごうを よぶまで まって ください。", "叫到您的号码前请稍候。",
        "번호를 부를 때까지 기다려 주십시오.", "Vui lòng chờ đến khi số của bạn được gọi.",
        "Aguarde até que o seu número seja chamado." },
};

} // namespace

std::string fixedText(std::string_view japanese, std::string_view language)
{
    for (const Phrase& phrase : PHRASES) {
        if (phrase.ja != japanese) {
            continue;
        }
        if (language == "en") {
            return std::string(phrase.en);
        }
        if (language == "ja-easy") {
            return std::string(phrase.jaEasy);
        }
        if (language == "zh") {
            return std::string(phrase.zh);
        }
        if (language == "ko") {
            return std::string(phrase.ko);
        }
        if (language == "vi") {
            return std::string(phrase.vi);
        }
        if (language == "pt") {
            return std::string(phrase.pt);
        }
        return "";
    }
    return "";
}

} // namespace kakanai::printer::detail
