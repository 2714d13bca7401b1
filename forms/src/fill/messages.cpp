// The resident- and staff-facing texts of validation message ids, in every language a kiosk can
// offer. Placeholders in braces ({max}) are filled from the issue's params.
#include "kakanai/forms/validate.hpp"

#include <array>

namespace kakanai::forms {

namespace {

struct MessageTexts
{
    std::string_view id;
    std::string_view ja;
    std::string_view jaEasy;
    std::string_view en;
    std::string_view zh;
    std::string_view ko;
    std::string_view vi;
    std::string_view pt;
};

constexpr std::array MESSAGES {
    MessageTexts { "field.required", "入力してください。", "かいて ください。",
        "Please fill this in.", "请填写此项。", "입력해 주세요.", "Vui lòng điền mục này.",
        "Preencha este campo." },
    MessageTexts { "field.wrong-type", "値の種類が正しくありません。", "かきかたが ちがいます。",
        "This value has the wrong kind.", "此值的类型不正确。", "값의 종류가 올바르지 않습니다.",
        "Giá trị không đúng loại.", "Este valor é do tipo errado." },
    MessageTexts { "field.too-short", "{min}文字以上で入力してください。",
        "{min}もじ いじょう かいて ください。", "Please enter at least {min} characters.",
        "请至少输入{min}个字符。", "{min}자 이상 입력해 주세요.",
        "Vui lòng nhập ít nhất {min} ký tự.", "Digite pelo menos {min} caracteres." },
    MessageTexts { "field.too-long", "{max}文字以内で入力してください。",
        "{max}もじ までで かいて ください。", "Please enter at most {max} characters.",
        "请输入不超过{max}个字符。", "{max}자 이내로 입력해 주세요.",
        "Vui lòng nhập tối đa {max} ký tự.", "Digite no máximo {max} caracteres." },
    MessageTexts { "field.pattern", "入力の形式が正しくありません。", "かきかたが ちがいます。",
        "This is not in the expected format.", "格式不正确。", "형식이 올바르지 않습니다.",
        "Định dạng không đúng.", "O formato não está correto." },
    MessageTexts { "field.invalid-text", "使えない文字が含まれています。",
        "つかえない もじが あります。", "This contains characters that cannot be used.",
        "包含无法使用的字符。", "사용할 수 없는 문자가 포함되어 있습니다.",
        "Có ký tự không thể sử dụng.", "Contém caracteres que não podem ser usados." },
    MessageTexts { "katakana.invalid", "カタカナで入力してください。",
        "カタカナで かいて ください。", "Please write this in katakana.", "请用片假名填写。",
        "가타카나로 입력해 주세요.", "Vui lòng viết bằng chữ katakana.", "Escreva em katakana." },
    MessageTexts { "date.malformed", "日付の書き方が正しくありません（例：令和7年4月1日）。",
        "ひづけの かきかたが ちがいます（れい：れいわ7ねん4がつ1にち）。",
        "This is not a date we can read (e.g. 2025-04-01 or R7.4.1).",
        "日期格式不正确（例：2025-04-01）。", "날짜 형식이 올바르지 않습니다 (예: 2025-04-01).",
        "Ngày không đúng định dạng (ví dụ: 2025-04-01).",
        "Data em formato inválido (ex.: 2025-04-01)." },
    MessageTexts { "date.unknown-era", "元号が正しくありません（明治・大正・昭和・平成・令和）。",
        "ねんごうが ちがいます（めいじ・たいしょう・しょうわ・へいせい・れいわ）。",
        "Unknown era (use Meiji, Taisho, Showa, Heisei or Reiwa).",
        "年号不正确（明治、大正、昭和、平成、令和）。", "연호가 올바르지 않습니다.",
        "Niên hiệu không đúng.", "Era desconhecida." },
    MessageTexts { "date.outside-era", "その元号にその日付はありません。",
        "その ねんごうに その ひは ありません。", "That era did not include this date.",
        "该年号中没有这个日期。", "해당 연호에 없는 날짜입니다.", "Niên hiệu đó không có ngày này.",
        "Essa era não inclui esta data." },
    MessageTexts { "date.not-a-real-date", "存在しない日付です。", "その ひは ありません。",
        "There is no such day.", "不存在这个日期。", "존재하지 않는 날짜입니다.",
        "Ngày này không tồn tại.", "Esta data não existe." },
    MessageTexts { "date.out-of-range", "扱えない範囲の日付です（明治6年から）。",
        "この ひづけは つかえません。", "This date is outside the range we handle (1873–2100).",
        "日期超出可处理的范围（1873–2100年）。", "처리할 수 없는 범위의 날짜입니다 (1873–2100).",
        "Ngày nằm ngoài phạm vi (1873–2100).", "Data fora do intervalo aceito (1873–2100)." },
    MessageTexts { "choice.unknown-option", "選択肢から選んでください。",
        "この なかから えらんで ください。", "Please choose one of the options.",
        "请从选项中选择。", "선택지에서 골라 주세요.", "Vui lòng chọn một mục.",
        "Escolha uma das opções." },
    MessageTexts { "choice.too-few", "{min}つ以上選んでください。",
        "{min}つ いじょう えらんで ください。", "Please choose at least {min}.",
        "请至少选择{min}项。", "{min}개 이상 선택해 주세요.", "Vui lòng chọn ít nhất {min} mục.",
        "Escolha pelo menos {min}." },
    MessageTexts { "choice.too-many", "{max}つまで選べます。", "{max}つ まで えらべます。",
        "Please choose at most {max}.", "最多选择{max}项。", "최대 {max}개까지 선택할 수 있습니다.",
        "Chỉ được chọn tối đa {max} mục.", "Escolha no máximo {max}." },
    MessageTexts { "integer.below-min", "{min}以上の数を入力してください。",
        "{min}より おおきい かずを かいて ください。", "Please enter {min} or more.",
        "请输入{min}以上的数字。", "{min} 이상의 수를 입력해 주세요.",
        "Vui lòng nhập số từ {min} trở lên.", "Digite {min} ou mais." },
    MessageTexts { "integer.above-max", "{max}以下の数を入力してください。",
        "{max}より ちいさい かずを かいて ください。", "Please enter {max} or less.",
        "请输入{max}以下的数字。", "{max} 이하의 수를 입력해 주세요.",
        "Vui lòng nhập số không quá {max}.", "Digite {max} ou menos." },
    MessageTexts { "postal.malformed", "郵便番号は7桁の数字です（例：917-8585）。",
        "ゆうびんばんごうは 7けたの すうじ です。", "A postal code has 7 digits (e.g. 917-8585).",
        "邮政编码为7位数字（例：917-8585）。", "우편번호는 7자리 숫자입니다 (예: 917-8585).",
        "Mã bưu điện gồm 7 chữ số (ví dụ: 917-8585).",
        "O código postal tem 7 dígitos (ex.: 917-8585)." },
    MessageTexts { "phone.malformed", "電話番号の書き方が正しくありません（例：0770-53-1111）。",
        "でんわばんごうの かきかたが ちがいます。",
        "This is not a phone number we can read (e.g. 0770-53-1111).", "电话号码格式不正确。",
        "전화번호 형식이 올바르지 않습니다.", "Số điện thoại không đúng định dạng.",
        "Número de telefone em formato inválido." },
    MessageTexts { "phone.wrong-length", "電話番号の桁数が正しくありません。",
        "でんわばんごうの かずが たりないか おおすぎます。",
        "This phone number has the wrong number of digits.", "电话号码位数不正确。",
        "전화번호 자릿수가 올바르지 않습니다.", "Số điện thoại sai số chữ số.",
        "O número de telefone tem a quantidade errada de dígitos." },
    MessageTexts { "phone.unknown-prefix", "国内の電話番号（0から始まる番号）を入力してください。",
        "0から はじまる にほんの でんわばんごうを かいて ください。",
        "Please enter a Japanese phone number starting with 0.",
        "请输入以0开头的日本国内电话号码。", "0으로 시작하는 일본 국내 전화번호를 입력해 주세요.",
        "Vui lòng nhập số điện thoại Nhật Bản bắt đầu bằng 0.",
        "Digite um telefone japonês começando com 0." },
    MessageTexts { "my_number.malformed", "個人番号は12桁の数字です。",
        "マイナンバーは 12けたの すうじ です。", "A My Number has 12 digits.",
        "个人编号为12位数字。", "개인번호는 12자리 숫자입니다.", "Mã số cá nhân gồm 12 chữ số.",
        "O My Number tem 12 dígitos." },
    MessageTexts { "my_number.wrong-length", "個人番号は12桁の数字です。",
        "マイナンバーは 12けたの すうじ です。", "A My Number has 12 digits.",
        "个人编号为12位数字。", "개인번호는 12자리 숫자입니다.", "Mã số cá nhân gồm 12 chữ số.",
        "O My Number tem 12 dígitos." },
    MessageTexts { "my_number.check-digit",
        "個人番号が正しくありません。もう一度確かめてください。",
        "マイナンバーが ちがいます。もう いちど みて ください。",
        "This My Number is not valid. Please check it again.", "个人编号不正确，请再确认一下。",
        "개인번호가 올바르지 않습니다. 다시 확인해 주세요.",
        "Mã số cá nhân không hợp lệ. Vui lòng kiểm tra lại.",
        "Este My Number não é válido. Verifique novamente." },
};

std::string_view textIn(const MessageTexts& message, std::string_view language)
{
    if (language == "ja") {
        return message.ja;
    }
    if (language == "ja-easy") {
        return message.jaEasy;
    }
    if (language == "zh") {
        return message.zh;
    }
    if (language == "ko") {
        return message.ko;
    }
    if (language == "vi") {
        return message.vi;
    }
    if (language == "pt") {
        return message.pt;
    }
    return message.en;
}

std::string substitute(
    std::string_view text, const std::map<std::string, std::string, std::less<>>& params)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            if (close != std::string_view::npos) {
                const auto it = params.find(text.substr(i + 1, close - i - 1));
                if (it != params.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

} // namespace

std::string messageText(std::string_view messageId, std::string_view language,
    const std::map<std::string, std::string, std::less<>>& params)
{
    for (const auto& message : MESSAGES) {
        if (message.id == messageId) {
            return substitute(textIn(message, language), params);
        }
    }
    return std::string(messageId);
}

std::vector<std::string> messageIds()
{
    std::vector<std::string> ids;
    for (const auto& message : MESSAGES) {
        ids.emplace_back(message.id);
    }
    return ids;
}

std::string issueText(
    const ValidationIssue& issue, const FormTemplate& form, std::string_view language)
{
    if (!issue.rule.empty()) {
        for (const Rule& rule : form.rules) {
            if (rule.id != issue.rule) {
                continue;
            }
            const std::string_view fallback = language == "ja-easy" ? "ja" : "en";
            for (const std::string_view candidate :
                { language, fallback, std::string_view("ja") }) {
                const auto it = rule.message.find(candidate);
                if (it != rule.message.end()) {
                    return it->second;
                }
            }
        }
    }
    return messageText(issue.messageId, language, issue.params);
}

} // namespace kakanai::forms
