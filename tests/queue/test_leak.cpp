// Leak test: records of invented residents are submitted, corrected, decided and exported; then
// every file in the database folder (db, -wal, -shm, anything else) is scanned for their names,
// addresses and numbers in UTF-8 and Shift_JIS — while the store is open and after it closed.
#include "queue_fixture.hpp"

#include <fstream>
#include <iconv.h>
#include <iterator>
#include <sstream>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

// Invented residents (not real people); the numbers have valid check digits.
struct Resident
{
    const char* name;
    const char* kana;
    const char* address;
    const char* myNumber;
};
const Resident RESIDENTS[] = {
    { "山田花子", "ヤマダハナコ", "東京都千代田区霞が関1-2-3", "123456789018" },
    { "鈴木一郎", "スズキイチロウ", "福井県小浜市大手町6番3号", "987654321018" },
};

std::string toShiftJis(const std::string& utf8)
{
    iconv_t cd = iconv_open("SHIFT_JIS", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        ADD_FAILURE() << "iconv_open failed";
        return utf8;
    }
    std::string in = utf8;
    std::string out(in.size() * 2 + 8, '\0');
    char* inPtr = in.data();
    char* outPtr = out.data();
    std::size_t inLeft = in.size();
    std::size_t outLeft = out.size();
    const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    EXPECT_NE(rc, static_cast<std::size_t>(-1)) << "not representable in Shift_JIS";
    out.resize(out.size() - outLeft);
    return out;
}

std::vector<std::string> needles()
{
    std::vector<std::string> out;
    for (const Resident& r : RESIDENTS) {
        for (const std::string text : { r.name, r.kana, r.address, r.myNumber }) {
            out.push_back(text);
            const std::string sjis = toShiftJis(text);
            if (sjis != text) {
                out.push_back(sjis);
            }
        }
        out.push_back(std::string(r.name).substr(0, 6)); // the family name alone (UTF-8)
        out.push_back(toShiftJis(std::string(r.name).substr(0, 6)));
    }
    return out;
}

/** "file: needle#i" for every needle found in every file under `dir`. */
std::vector<std::string> scan(const std::filesystem::path& dir)
{
    std::vector<std::string> found;
    const auto list = needles();
    std::error_code error;
    auto it = std::filesystem::recursive_directory_iterator(dir, error);
    for (; !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const auto& entry = *it;
        std::error_code typeError;
        if (!entry.is_regular_file(typeError)) {
            continue; // also a file that was removed meanwhile (a WAL segment recycled)
        }
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)), {});
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (content.find(list[i]) != std::string::npos) {
                found.push_back(entry.path().filename().string() + ": needle " + std::to_string(i));
            }
        }
    }
    if (error) {
        ADD_FAILURE() << "cannot walk " << dir << ": " << error.message();
    }
    return found;
}

std::string payloadFor(const Resident& r, const std::string& id)
{
    return R"({"format":"kakanai.filled-form","format_version":1,"id":")" + id
        + R"(","template_id":"tennyu","values":{"name":{"value":")" + r.name
        + R"(","origin":"card"},"furigana":{"value":")" + r.kana
        + R"(","origin":"resident"},"address":{"value":")" + r.address
        + R"(","origin":"card"},"my_number":{"value":")" + r.myNumber + R"(","origin":"card"}}})";
}

/**
 * The folders holding the database's files: the test folder, or, in the private PostgreSQL
 * cluster, this database's own folder and the write-ahead log (other tests' databases, created
 * and dropped meanwhile, are not walked).
 */
std::vector<std::filesystem::path> databaseFolders(const TempDir& dir)
{
    if (!usingPostgres()) {
        return { dir.path() };
    }
    const std::filesystem::path data
        = std::filesystem::path(std::getenv("KAKANAI_TEST_POSTGRES_DIR")) / "data";
    const std::string oid = rawQuery(
        dir / "queue.db", "SELECT oid FROM pg_database WHERE datname = current_database()");
    return { data / "base" / oid, data / "pg_wal" };
}

std::vector<std::string> scanAll(const std::vector<std::filesystem::path>& folders)
{
    std::vector<std::string> found;
    for (const auto& folder : folders) {
        const auto more = scan(folder);
        found.insert(found.end(), more.begin(), more.end());
    }
    return found;
}

TEST(Leak, NoPersonalDataInAnyFileOfTheDatabaseFolder)
{
    TempDir dir;
    const MasterKey key = generateMasterKey();
    TestClock clock;
    {
        Store store = openStore(dir / "queue.db", key, &clock);
        addStaff(store);
        const StaffSession rev = loginAs(store, "rev1");
        const StaffSession sup = loginAs(store, "sup");
        unsigned n = 0;
        for (int round = 0; round < 20; ++round) {
            for (const Resident& r : RESIDENTS) {
                const std::string id = uuidFor(7, ++n);
                Submission s = sampleSubmission(id);
                s.templateId = "tennyu";
                s.payload = secure(payloadFor(r, id));
                s.myNumber = secure(r.myNumber);
                ASSERT_TRUE(store.submit(s));
                ASSERT_TRUE(store.claim(rev, id));
                CorrectionRequest fix { "address", secure(r.address),
                    secure(std::string(r.address) + "101号"),
                    secure(std::string(r.name) + "様に確認"), secure(payloadFor(r, id)) };
                ASSERT_TRUE(store.correct(rev, id, fix));
                ASSERT_TRUE(
                    store.decide(rev, id, round % 3 == 0 ? Decision::Return : Decision::Approve,
                        secure(std::string(r.name) + "の住所")));
                ASSERT_TRUE(store.revealMyNumber(sup, id));
            }
        }
        std::ostringstream exported;
        ASSERT_TRUE(store.exportRecords(sup, 0, ExportFormat::Jsonl, exported));
        EXPECT_NE(exported.str().find(RESIDENTS[0].name), std::string::npos); // the test works
        if (usingPostgres()) {
            // The server's own files (tables, WAL) must hold ciphertext only.
            EXPECT_EQ(rawQuery(dir / "queue.db", "CHECKPOINT"), "");
        } else {
            EXPECT_TRUE(std::filesystem::exists(dir / "queue.db-wal"));
            EXPECT_TRUE(std::filesystem::exists(dir / "queue.db-shm"));
        }
        const auto found = scanAll(databaseFolders(dir));
        EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
        clock.advanceMs(100LL * 24 * 60 * 60 * 1000);
        EXPECT_GT(*store.purge(), 0u);
    }
    const auto found = scanAll(databaseFolders(dir));
    EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
    // Sanity: the scanner does find a needle where there is one.
    {
        std::ofstream(dir / "control.txt", std::ios::binary) << toShiftJis(RESIDENTS[0].address);
    }
    EXPECT_EQ(scan(dir.path()).size(), 1u);
}

} // namespace
