// Tests of the address directory, splitAddress() and postal lookup against config/data/.
#include <kakanai/forms/address.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace kakanai::forms;

namespace {

const std::filesystem::path sourceDir = KAKANAI_SOURCE_DIR;

class AddressTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        auto loaded = MunicipalityDirectory::load(sourceDir / "config" / "data");
        ASSERT_TRUE(loaded.ok()) << loaded.error();
        s_directory = std::move(loaded).value();
    }
    static const MunicipalityDirectory& dir() { return *s_directory; }
    static inline std::optional<MunicipalityDirectory> s_directory;
};

struct Split
{
    const char* address;
    const char* prefecture;
    const char* municipality;
    const char* code;
    const char* rest;
};

void expectSplit(const MunicipalityDirectory& directory, const Split& want)
{
    SCOPED_TRACE(want.address);
    const auto parts = splitAddress(want.address, directory);
    ASSERT_TRUE(parts.ok()) << toString(parts.error().code);
    EXPECT_EQ(parts->prefecture, want.prefecture);
    EXPECT_EQ(parts->municipality, want.municipality);
    EXPECT_EQ(parts->localGovernmentCode, want.code);
    EXPECT_EQ(parts->rest, want.rest);
    EXPECT_TRUE(isValidLocalGovernmentCode(parts->localGovernmentCode));
}

void expectError(const MunicipalityDirectory& directory, std::string_view address,
    AddressError::Code code, std::size_t offset)
{
    SCOPED_TRACE(std::string(address));
    const auto parts = splitAddress(address, directory);
    ASSERT_FALSE(parts.ok());
    EXPECT_EQ(parts.error().code, code) << toString(parts.error().code);
    EXPECT_EQ(parts.error().offset, offset);
}

} // namespace

TEST(LocalGovernmentCode, CheckDigit)
{
    EXPECT_EQ(localGovernmentCheckDigit("13101"), 6);
    EXPECT_EQ(localGovernmentCheckDigit("01000"), 6);
    EXPECT_EQ(localGovernmentCheckDigit("1310"), -1);
    EXPECT_EQ(localGovernmentCheckDigit("1310a"), -1);
    EXPECT_TRUE(isValidLocalGovernmentCode("131016"));
    EXPECT_FALSE(isValidLocalGovernmentCode("131017"));
    EXPECT_FALSE(isValidLocalGovernmentCode("13101"));
    EXPECT_FALSE(isValidLocalGovernmentCode("１３１０１６"));
}

TEST_F(AddressTest, LoadsTheWholeDirectory)
{
    EXPECT_EQ(dir().prefectures().size(), 47U);
    EXPECT_EQ(dir().municipalities().size(), 1918U);
    std::size_t designated = 0, wards = 0, withCounty = 0;
    for (const auto& m : dir().municipalities()) {
        designated += m.designatedCity ? 1 : 0;
        wards += m.ward.empty() ? 0 : 1;
        withCounty += m.county.empty() ? 0 : 1;
        EXPECT_TRUE(isValidLocalGovernmentCode(m.code)) << m.code;
    }
    EXPECT_EQ(designated, 20U);
    EXPECT_EQ(wards, 171U);
    EXPECT_EQ(withCounty, 923U);
    // 1,747 市区町村 (incl. 23 special wards); 1,741 without the 6 北方領土 villages.
    EXPECT_EQ(dir().municipalities().size() - wards, 1747U);
    EXPECT_NE(dir().findByCode("016951"), nullptr); // 色丹村
    EXPECT_EQ(dir().prefectures().front().code, "010006");
    EXPECT_EQ(dir().prefectures().front().name, "北海道");
    EXPECT_EQ(dir().prefectures().back().code, "470007");
    EXPECT_EQ(dir().prefectures()[12].kana, "トウキョウト");
}

TEST_F(AddressTest, FindsByCodeAndName)
{
    ASSERT_NE(dir().findByCode("131016"), nullptr);
    EXPECT_EQ(dir().findByCode("131016")->city, "千代田区");
    EXPECT_EQ(dir().findByCode("13101"), dir().findByCode("131016"));
    EXPECT_EQ(dir().findByCode("131017"), nullptr); // wrong check digit
    EXPECT_EQ(dir().findByCode("99999"), nullptr);
    EXPECT_EQ(dir().findByCode(""), nullptr);
    const auto* ward = dir().findByCode("271276");
    ASSERT_NE(ward, nullptr);
    EXPECT_EQ(ward->name(), "大阪市北区");
    EXPECT_EQ(ward->kana(), "オオサカシキタク");
    EXPECT_TRUE(dir().findByCode("271004")->designatedCity);
    EXPECT_EQ(dir().findPrefecture("東京都"), dir().findPrefecture("13"));
    EXPECT_EQ(dir().findPrefecture("130001"), dir().findPrefecture("13"));
    EXPECT_EQ(dir().findPrefecture("130000"), nullptr);
    EXPECT_EQ(dir().findPrefecture("48"), nullptr);
    EXPECT_EQ(dir().findPrefecture("東京"), nullptr);
    EXPECT_EQ(dir().findByName("北海道", "余市郡余市町"), dir().findByCode("014087"));
    EXPECT_EQ(dir().findByName("北海道", "余市町"), dir().findByCode("014087"));
    EXPECT_EQ(dir().findByName("大阪府", "大阪市北区"), ward);
    EXPECT_EQ(dir().findByName("北海道", "古宇郡泊村"), dir().findByCode("014036"));
    EXPECT_EQ(dir().findByName("北海道", "泊村"), nullptr); // 古宇郡 or 国後郡
    EXPECT_EQ(dir().findByName("高知県", "梼原町"), dir().findByCode("394050"));
    EXPECT_EQ(dir().findByName("東京都", "三宅島三宅村"), dir().findByCode("133817"));
    EXPECT_EQ(dir().findByName("東京都", "余市町"), nullptr);
    EXPECT_EQ(dir().findByName("\xff", "余市町"), nullptr);
}

TEST_F(AddressTest, SplitsTheTestIdentities)
{
    const std::vector<std::pair<const char*, Split>> identities {
        { "hanako", { "", "東京都", "千代田区", "131016", "霞が関一丁目１番１号" } },
        { "taro", { "", "大阪府", "大阪市北区", "271276", "架空町二丁目３番４号" } },
        { "expired", { "", "宮城県", "仙台市青葉区", "041017", "架空町一丁目１番地" } },
        { "juki", { "", "愛知県", "名古屋市中区", "231061", "架空町八丁目９番１０号" } },
        { "phone", { "", "神奈川県", "横浜市中区", "141046", "架空町四丁目６番７号" } },
        { "rare_kanji", { "", "京都府", "京都市上京区", "261025", "架空町𠮷野通１丁目２番地" } },
        { "reiwa_baby", { "", "福岡県", "福岡市中央区", "401331", "架空一丁目５番１号" } },
    };
    for (const auto& [id, want] : identities) {
        std::ifstream file(sourceDir / "config" / "identities" / (std::string(id) + ".toml"));
        std::string line, address;
        while (std::getline(file, line)) {
            if (line.starts_with("address = \"") && line.ends_with("\"")) {
                address = line.substr(11, line.size() - 12);
            }
        }
        ASSERT_FALSE(address.empty()) << id;
        Split split = want;
        split.address = address.c_str();
        expectSplit(dir(), split);
    }
    // long_address lives in an invented 郡 and town.
    expectError(dir(), "北海道架空郡試験町大字長住所字とても長い地名",
        AddressError::Code::UnknownMunicipality, 9);
}

TEST_F(AddressTest, SplitsTrickyNames)
{
    const Split cases[] = {
        { "三重県四日市市諏訪町１番５号", "三重県", "四日市市", "242021", "諏訪町１番５号" },
        { "広島県廿日市市下平良一丁目", "広島県", "廿日市市", "342131", "下平良一丁目" },
        { "東京都町田市森野二丁目", "東京都", "町田市", "132098", "森野二丁目" },
        { "長野県大町市大町", "長野県", "大町市", "202126", "大町" },
        { "佐賀県杵島郡大町町大字大町", "佐賀県", "杵島郡大町町", "414239", "大字大町" },
        { "千葉県市川市八幡", "千葉県", "市川市", "122033", "八幡" },
        { "石川県野々市市三納", "石川県", "野々市市", "172120", "三納" },
        { "新潟県十日町市千歳町", "新潟県", "十日町市", "152102", "千歳町" },
        { "山形県村山市中央", "山形県", "村山市", "062081", "中央" },
        { "東京都東村山市本町", "東京都", "東村山市", "132136", "本町" },
        { "東京都武蔵村山市本町", "東京都", "武蔵村山市", "132233", "本町" },
        { "奈良県大和郡山市北郡山町", "奈良県", "大和郡山市", "292036", "北郡山町" },
        { "岐阜県郡上市八幡町", "岐阜県", "郡上市", "212199", "八幡町" },
        { "北海道余市郡余市町朝日町", "北海道", "余市郡余市町", "014087", "朝日町" },
        { "北海道余市町朝日町", "北海道", "余市町", "014087", "朝日町" },
        { "沖縄県島尻郡南大東村字南", "沖縄県", "島尻郡南大東村", "473570", "字南" },
        { "沖縄県国頭郡東村字平良", "沖縄県", "国頭郡東村", "473031", "字平良" },
        { "北海道上川郡東川町北町一丁目２番３号", "北海道", "上川郡東川町", "014583",
            "北町一丁目２番３号" },
        { "北海道古宇郡泊村大字茅沼村", "北海道", "古宇郡泊村", "014036", "大字茅沼村" },
        { "北海道札幌市中央区北一条西二丁目", "北海道", "札幌市中央区", "011011",
            "北一条西二丁目" },
        { "大阪府大阪市北区梅田１－１", "大阪府", "大阪市北区", "271276", "梅田１－１" },
        { "静岡県浜松市中央区元城町", "静岡県", "浜松市中央区", "221384", "元城町" },
        { "神奈川県横浜市保土ヶ谷区川辺町", "神奈川県", "横浜市保土ヶ谷区", "141062", "川辺町" },
        { "京都府京都市上京区", "京都府", "京都市上京区", "261025", "" },
        { "東京都府中市宮西町", "東京都", "府中市", "132063", "宮西町" },
        { "広島県安芸郡府中町大通", "広島県", "安芸郡府中町", "343021", "大通" },
        { "広島県府中市府川町", "広島県", "府中市", "342084", "府川町" },
        { "奈良県磯城郡三宅町伴堂", "奈良県", "磯城郡三宅町", "293628", "伴堂" },
        { "東京都三宅島三宅村阿古", "東京都", "三宅島三宅村", "133817", "阿古" },
        { "東京都三宅村阿古", "東京都", "三宅村", "133817", "阿古" },
        { "東京都八丈島八丈町大賀郷", "東京都", "八丈島八丈町", "134015", "大賀郷" },
        { "東京都西多摩郡桧原村", "東京都", "西多摩郡桧原村", "133078", "" },
        { "福岡県糟屋郡須惠町大字須恵", "福岡県", "糟屋郡須惠町", "403440", "大字須恵" },
        { "高知県高岡郡梼原町梼原", "高知県", "高岡郡梼原町", "394050", "梼原" },
        { "埼玉県鶴ケ島市大字三ツ木", "埼玉県", "鶴ケ島市", "112411", "大字三ツ木" },
        { "千葉県鎌ヶ谷市新鎌ケ谷", "千葉県", "鎌ヶ谷市", "122246", "新鎌ケ谷" },
        { "宮城県塩釜市旭町", "宮城県", "塩釜市", "042030", "旭町" },
        { "茨城県竜ヶ崎市３７１０", "茨城県", "竜ヶ崎市", "082082", "３７１０" },
        { "青森県上北郡六ケ所村", "青森県", "上北郡六ケ所村", "024112", "" },
        // Verbatim: IVS in the municipality, spaces skipped before, kept after.
        { "東京都葛\U000E0100飾区立石", "東京都", "葛\U000E0100飾区", "131229", "立石" },
        { "　東京都 千代田区　霞が関", "東京都", "千代田区", "131016", "　霞が関" },
    };
    for (const auto& split : cases) {
        expectSplit(dir(), split);
    }
}

TEST_F(AddressTest, SplitsAll47Prefectures)
{
    const Split capitals[] = {
        { "北海道札幌市中央区", "北海道", "札幌市中央区", "011011", "" },
        { "青森県青森市", "青森県", "青森市", "022012", "" },
        { "岩手県盛岡市", "岩手県", "盛岡市", "032018", "" },
        { "宮城県仙台市青葉区", "宮城県", "仙台市青葉区", "041017", "" },
        { "秋田県秋田市", "秋田県", "秋田市", "052019", "" },
        { "山形県山形市", "山形県", "山形市", "062014", "" },
        { "福島県福島市", "福島県", "福島市", "072010", "" },
        { "茨城県水戸市", "茨城県", "水戸市", "082015", "" },
        { "栃木県宇都宮市", "栃木県", "宇都宮市", "092011", "" },
        { "群馬県前橋市", "群馬県", "前橋市", "102016", "" },
        { "埼玉県さいたま市浦和区", "埼玉県", "さいたま市浦和区", "111074", "" },
        { "千葉県千葉市中央区", "千葉県", "千葉市中央区", "121011", "" },
        { "東京都新宿区", "東京都", "新宿区", "131041", "" },
        { "神奈川県横浜市中区", "神奈川県", "横浜市中区", "141046", "" },
        { "新潟県新潟市中央区", "新潟県", "新潟市中央区", "151033", "" },
        { "富山県富山市", "富山県", "富山市", "162019", "" },
        { "石川県金沢市", "石川県", "金沢市", "172014", "" },
        { "福井県福井市", "福井県", "福井市", "182010", "" },
        { "山梨県甲府市", "山梨県", "甲府市", "192015", "" },
        { "長野県長野市", "長野県", "長野市", "202011", "" },
        { "岐阜県岐阜市", "岐阜県", "岐阜市", "212016", "" },
        { "静岡県静岡市葵区", "静岡県", "静岡市葵区", "221015", "" },
        { "愛知県名古屋市中区", "愛知県", "名古屋市中区", "231061", "" },
        { "三重県津市", "三重県", "津市", "242012", "" },
        { "滋賀県大津市", "滋賀県", "大津市", "252018", "" },
        { "京都府京都市上京区", "京都府", "京都市上京区", "261025", "" },
        { "大阪府大阪市中央区", "大阪府", "大阪市中央区", "271284", "" },
        { "兵庫県神戸市中央区", "兵庫県", "神戸市中央区", "281107", "" },
        { "奈良県奈良市", "奈良県", "奈良市", "292010", "" },
        { "和歌山県和歌山市", "和歌山県", "和歌山市", "302015", "" },
        { "鳥取県鳥取市", "鳥取県", "鳥取市", "312011", "" },
        { "島根県松江市", "島根県", "松江市", "322016", "" },
        { "岡山県岡山市北区", "岡山県", "岡山市北区", "331015", "" },
        { "広島県広島市中区", "広島県", "広島市中区", "341011", "" },
        { "山口県山口市", "山口県", "山口市", "352039", "" },
        { "徳島県徳島市", "徳島県", "徳島市", "362018", "" },
        { "香川県高松市", "香川県", "高松市", "372013", "" },
        { "愛媛県松山市", "愛媛県", "松山市", "382019", "" },
        { "高知県高知市", "高知県", "高知市", "392014", "" },
        { "福岡県福岡市博多区", "福岡県", "福岡市博多区", "401323", "" },
        { "佐賀県佐賀市", "佐賀県", "佐賀市", "412015", "" },
        { "長崎県長崎市", "長崎県", "長崎市", "422011", "" },
        { "熊本県熊本市中央区", "熊本県", "熊本市中央区", "431010", "" },
        { "大分県大分市", "大分県", "大分市", "442011", "" },
        { "宮崎県宮崎市", "宮崎県", "宮崎市", "452017", "" },
        { "鹿児島県鹿児島市", "鹿児島県", "鹿児島市", "462012", "" },
        { "沖縄県那覇市", "沖縄県", "那覇市", "472018", "" },
    };
    static_assert(std::size(capitals) == 47);
    for (const auto& split : capitals) {
        expectSplit(dir(), split);
    }
}

TEST_F(AddressTest, EveryMunicipalityRoundTrips)
{
    for (const auto& m : dir().municipalities()) {
        const std::string address = m.prefecture + m.fullName() + "１－２";
        const auto parts = splitAddress(address, dir());
        if (m.designatedCity) {
            ASSERT_FALSE(parts.ok()) << address;
            EXPECT_EQ(parts.error().code, AddressError::Code::MissingWard);
            continue;
        }
        ASSERT_TRUE(parts.ok()) << address << ": " << toString(parts.error().code);
        EXPECT_EQ(parts->localGovernmentCode, m.code) << address;
        EXPECT_EQ(parts->municipality, m.fullName());
        EXPECT_EQ(parts->officialMunicipality, m.fullName());
        EXPECT_EQ(parts->rest, "１－２");
        // Without the 郡 it still resolves, except 北海道泊村 (古宇郡 and 国後郡).
        const auto short_ = splitAddress(m.prefecture + m.name() + "１", dir());
        if (m.name() == "泊村") {
            EXPECT_EQ(short_.error().code, AddressError::Code::AmbiguousMunicipality);
        } else {
            ASSERT_TRUE(short_.ok()) << m.prefecture << m.name();
            EXPECT_EQ(short_->localGovernmentCode, m.code);
        }
    }
}

TEST_F(AddressTest, ReportsErrorsWithoutThrowing)
{
    using Code = AddressError::Code;
    expectError(dir(), "", Code::Empty, 0);
    expectError(dir(), " 　 ", Code::Empty, 0);
    expectError(dir(), "東京都\xff千代田区", Code::InvalidUtf8, 0);
    expectError(dir(), "東京都\xe5\x8d", Code::InvalidUtf8, 0); // truncated sequence
    expectError(dir(), "\xc0\xaf", Code::InvalidUtf8, 0); // overlong '/'
    expectError(dir(), "京都市上京区", Code::UnknownPrefecture, 0); // no prefecture
    expectError(dir(), "東京", Code::UnknownPrefecture, 0);
    expectError(dir(), "東京都", Code::UnknownMunicipality, 9);
    expectError(dir(), "東京都架空市一丁目", Code::UnknownMunicipality, 9);
    expectError(dir(), "東京都大阪市北区", Code::UnknownMunicipality, 9); // wrong prefecture
    expectError(dir(), "北海道泊村", Code::AmbiguousMunicipality, 9);
    expectError(dir(), "大阪府大阪市架空町", Code::MissingWard, 18);
    expectError(dir(), "静岡県浜松市中区元城町", Code::MissingWard, 18); // ward abolished 2024
    EXPECT_STREQ(toString(Code::UnknownMunicipality), "unknown municipality");
}

TEST(AddressLoad, ReportsBadDataAsErrors)
{
    const auto missing = MunicipalityDirectory::load("/nonexistent/kakanai");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("abr_mt_city_all.csv"), std::string::npos);

    const auto dir = std::filesystem::temp_directory_path() / "kakanai_test_address";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "abr_mt_city_all.csv") << "lg_code,pref\n131016,東京都\n";
    const auto badHeader = MunicipalityDirectory::load(dir);
    ASSERT_FALSE(badHeader.ok());
    EXPECT_NE(badHeader.error().find(":1:"), std::string::npos) << badHeader.error();

    std::ofstream(dir / "abr_mt_city_all.csv")
        << "lg_code,pref,pref_kana,pref_roma,county,county_kana,county_roma,city,city_kana,"
           "city_roma,ward,ward_kana,ward_roma,efct_date,ablt_date,remarks\r\n"
           "131017,東京都,,,,,,千代田区,,,,,,,,\r\n";
    const auto badCode = MunicipalityDirectory::load(dir);
    ASSERT_FALSE(badCode.ok());
    EXPECT_NE(badCode.error().find(":2: bad lg_code"), std::string::npos) << badCode.error();

    std::ofstream(dir / "postal_codes.csv") << "postal_code,lg_code,town\n100001,13101,x\n";
    const auto badPostal = PostalDirectory::load(dir);
    ASSERT_FALSE(badPostal.ok());
    EXPECT_NE(badPostal.error().find("postal_codes.csv:2:"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_F(AddressTest, LooksUpPostalCodes)
{
    auto loaded = PostalDirectory::load(sourceDir / "config" / "data");
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const PostalDirectory& postal = *loaded;
    EXPECT_EQ(postal.size(), 124511U);

    for (const char* code : { "1000013", "100-0013", "〒１００－００１３", " 100-0013 " }) {
        const auto found = postal.lookup(code, dir());
        ASSERT_TRUE(found.ok()) << code;
        ASSERT_EQ(found->size(), 1U);
        EXPECT_EQ(found->at(0).postalCode, "1000013");
        EXPECT_EQ(found->at(0).prefecture, "東京都");
        EXPECT_EQ(found->at(0).municipality, "千代田区");
        EXPECT_EQ(found->at(0).localGovernmentCode, "131016");
        EXPECT_EQ(found->at(0).town, "霞が関");
        EXPECT_EQ(found->at(0).townNote, "次のビルを除く");
    }
    const auto twoPrefectures = postal.lookup("6180000", dir()); // 京都府 and 大阪府
    ASSERT_TRUE(twoPrefectures.ok());
    EXPECT_EQ(twoPrefectures->size(), 2U);
    const auto fallback = postal.lookup("0711400", dir());
    ASSERT_TRUE(fallback.ok());
    EXPECT_EQ(fallback->at(0).municipality, "上川郡東川町");
    EXPECT_EQ(fallback->at(0).town, "");

    using Code = AddressError::Code;
    for (const char* bad : { "", "100001", "10000134", "1000-013", "abc", "100--0013", "\xff" }) {
        const auto result = postal.lookup(bad, dir());
        ASSERT_FALSE(result.ok()) << bad;
        EXPECT_EQ(result.error().code, Code::MalformedPostalCode) << bad;
    }
    EXPECT_EQ(postal.lookup("0000000", dir()).error().code, Code::UnknownPostalCode);
}

TEST_F(AddressTest, SuggestsPostalCodesForAnAddress)
{
    auto loaded = PostalDirectory::load(sourceDir / "config" / "data");
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const auto suggest = [&](const char* address) {
        std::vector<std::string> codes;
        const auto parts = splitAddress(address, dir());
        if (parts.ok()) {
            for (const auto& candidate : loaded->suggest(*parts, dir())) {
                codes.push_back(candidate.postalCode);
            }
        }
        return codes;
    };
    using Codes = std::vector<std::string>;
    EXPECT_EQ(suggest("北海道上川郡東川町北町一丁目２番３号"), Codes { "0711426" });
    EXPECT_EQ(suggest("東京都千代田区霞が関一丁目１番１号"), Codes { "1000013" });
    EXPECT_EQ(suggest("北海道上川郡東川町架空町１"), Codes { "0711400" }); // fallback row
    EXPECT_EQ(suggest("北海道札幌市中央区大通西３丁目").size(), 2U); // 1〜19 and 20〜28丁目
    EXPECT_TRUE(suggest("北海道色丹郡色丹村１").empty()); // no postal rows
}
