// Kana, width conversion, comparison folding and フリガナ validation.
#include "kakanai/forms/kana.hpp"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

using namespace kakanai::forms;
using Kind = FuriganaError::Kind;

namespace {

std::string utf8(char32_t c)
{
    std::string out;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
    return out;
}

std::string furigana(std::string_view input)
{
    const auto result = furiganaFromInput(input);
    return result ? *result : "error " + std::to_string(static_cast<int>(result.error().kind));
}

} // namespace

TEST(Kana, ValidUtf8)
{
    EXPECT_TRUE(isValidUtf8("ヤマダ 𠮷"));
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF")); // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80")); // surrogate
    EXPECT_FALSE(isValidUtf8("\xE3\x82")); // truncated
}

TEST(Kana, NormalizeForComparison)
{
    EXPECT_EQ(normalizeForComparison("ＡＢＣ"), normalizeForComparison("abc"));
    EXPECT_EQ(normalizeForComparison("ABC"), "abc");
    EXPECT_EQ(normalizeForComparison("ｶﾞｯｺｳ"), "ガッコウ");
    EXPECT_EQ(normalizeForComparison("山田　太郎"), "山田 太郎");
    EXPECT_EQ(normalizeForComparison("㈱"), "(株)");
    EXPECT_EQ(normalizeForComparison("Straße"), "strasse");
    EXPECT_NE(normalizeForComparison("やまだ"), normalizeForComparison("ヤマダ"));
    EXPECT_EQ(normalizeForComparison("a\xff"), "a\xEF\xBF\xBD"); // U+FFFD for the bad byte
}

TEST(Kana, ToFullWidth)
{
    EXPECT_EQ(toFullWidth("ABC xyz 019"), "ＡＢＣ　ｘｙｚ　０１９");
    EXPECT_EQ(toFullWidth("!~-/\\"), "！～－／＼");
    EXPECT_EQ(toFullWidth("ｶﾞｯｺｳ"), "ガッコウ");
    EXPECT_EQ(toFullWidth("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ"), "パピプペポ　バビブベボ");
    EXPECT_EQ(toFullWidth("ｳﾞｧｲｵﾘﾝ"), "ヴァイオリン");
    EXPECT_EQ(toFullWidth("ﾜﾞｦﾞ"), "ヷヺ");
    EXPECT_EQ(toFullWidth("ｱﾞｲﾟ"), "ア゛イ゜"); // no such composites: spacing marks
    EXPECT_EQ(toFullWidth("ﾞ"), "゛");
    EXPECT_EQ(toFullWidth("｡｢｣､･ｰ"), "。「」、・ー");
    EXPECT_EQ(toFullWidth("山田ﾀﾛｳ"), "山田タロウ");
    EXPECT_EQ(toFullWidth("ガ"), "ガ");
}

TEST(Kana, HalfWidthTableMatchesIcuNfkc)
{
    // Our table must agree with Unicode's compatibility mappings for every half-width kana
    // except the two sound marks, which we map to the spacing forms on purpose.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    ASSERT_TRUE(U_SUCCESS(status));
    for (char32_t c = 0xFF61; c <= 0xFF9D; ++c) {
        std::string expected;
        nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status).toUTF8String(expected);
        EXPECT_EQ(toFullWidth(utf8(c)), expected) << std::hex << static_cast<uint32_t>(c);
        EXPECT_EQ(toHalfWidth(expected), utf8(c)) << std::hex << static_cast<uint32_t>(c);
    }
}

TEST(Kana, ToHalfWidth)
{
    EXPECT_EQ(toHalfWidth("ＡＢＣ　ｘｙｚ　０１９"), "ABC xyz 019");
    EXPECT_EQ(toHalfWidth("ガッコウ"), "ｶﾞｯｺｳ");
    EXPECT_EQ(toHalfWidth("パピプペポ"), "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ");
    EXPECT_EQ(toHalfWidth("ヴァイオリン"), "ｳﾞｧｲｵﾘﾝ");
    EXPECT_EQ(toHalfWidth("ヷヺ"), "ﾜﾞｦﾞ");
    EXPECT_EQ(toHalfWidth("ヮヰヱヵヶヽヾヸ"), "ヮヰヱヵヶヽヾヸ");
    EXPECT_EQ(toHalfWidth("がっこう"), "がっこう"); // hiragana has no half-width form
    EXPECT_EQ(toHalfWidth("山田"), "山田");
    EXPECT_EQ(toHalfWidth("カ\u3099"), "ｶﾞ");
    EXPECT_EQ(toHalfWidth("é"), "é");
}

TEST(Kana, WidthRoundTrip)
{
    const std::string ascii = "Hello, World! 0-9 ~{}|";
    EXPECT_EQ(toHalfWidth(toFullWidth(ascii)), ascii);
    const std::string kana = "ｱｲｳｴｵｶﾞｷﾞｸﾞｹﾞｺﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞｧｨｩｪｫｯｬｭｮｰ";
    EXPECT_EQ(toHalfWidth(toFullWidth(kana)), kana);
}

TEST(Kana, HiraganaToKatakana)
{
    EXPECT_EQ(hiraganaToKatakana("やまだ たろう"), "ヤマダ タロウ");
    EXPECT_EQ(hiraganaToKatakana("ぁゔゕゖゐゑゝゞ"), "ァヴヵヶヰヱヽヾ");
    EXPECT_EQ(hiraganaToKatakana("ーカタカナ山田ABC"), "ーカタカナ山田ABC");
}

TEST(Kana, IsKatakanaText)
{
    EXPECT_TRUE(isKatakanaText("ヤマダ　タロウ"));
    EXPECT_TRUE(isKatakanaText("ヴァイオリン"));
    EXPECT_TRUE(isKatakanaText("ァィゥェォッャュョヮヵヶ"));
    EXPECT_TRUE(isKatakanaText("スミス・ジョン"));
    EXPECT_TRUE(isKatakanaText("コーヒー"));
    EXPECT_FALSE(isKatakanaText(""));
    EXPECT_FALSE(isKatakanaText("　"));
    EXPECT_FALSE(isKatakanaText("ー・"));
    EXPECT_FALSE(isKatakanaText("やまだ"));
    EXPECT_FALSE(isKatakanaText("山田"));
    EXPECT_FALSE(isKatakanaText("ﾔﾏﾀﾞ"));
    EXPECT_FALSE(isKatakanaText("YAMADA"));
    EXPECT_FALSE(isKatakanaText("ヤマダ タロウ")); // ASCII space
    EXPECT_FALSE(isKatakanaText("ヷ"));
    EXPECT_FALSE(isKatakanaText("ヽ"));
    EXPECT_FALSE(isKatakanaText("ヤマダ\xff"));
}

TEST(Kana, FuriganaFromInput)
{
    EXPECT_EQ(furigana("やまだ たろう"), "ヤマダ　タロウ");
    EXPECT_EQ(furigana("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ　タロウ");
    EXPECT_EQ(furigana("  やまだ 　 たろう  "), "ヤマダ　タロウ");
    EXPECT_EQ(furigana("か\u3099くと"), "ガクト"); // decomposed input composed by NFC
    EXPECT_EQ(furigana("ゔぁいおりん"), "ヴァイオリン");
    EXPECT_EQ(furigana("スミス・ジョン"), "スミス・ジョン");
    EXPECT_EQ(furigana(""), "error 0");
    EXPECT_EQ(furigana("　 "), "error 0");
    EXPECT_EQ(furigana("\xE3\x82"), "error 1");

    const auto kanji = furiganaFromInput("やまだ太郎");
    ASSERT_FALSE(kanji);
    EXPECT_EQ(kanji.error().kind, Kind::NotKatakana);
    EXPECT_EQ(kanji.error().character, U'太');
    EXPECT_EQ(kanji.error().position, 3u);
    EXPECT_EQ(kanji.error().detail, "character 4 is a kanji; readings are written in katakana");

    const auto latin = furiganaFromInput("yamada");
    ASSERT_FALSE(latin);
    EXPECT_EQ(latin.error().character, U'ｙ'); // reported after width conversion
    EXPECT_EQ(furigana("ヤマダ1"), "error 2");
    EXPECT_EQ(furigana("ーー"), "error 2");
}
