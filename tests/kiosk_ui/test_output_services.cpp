// The kiosk's real output services without a window: QueueRecordService on a temporary SQLite
// queue (one record per form, the first form's ticket, visit ids, My Number masked in the
// payload and stored apart) and PdfPrintService into a folder (refuses a record of another
// visit; training watermark).
#include "pdf_print_service.hpp"
#include "queue_record_service.hpp"

#include "kakanai/forms/lint.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace kakanai::kiosk::ui {
namespace {

namespace fs = std::filesystem;

class OutputServices : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("kakanai-kiosk-output-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_templates = forms::loadConfig({ fs::path(KAKANAI_SOURCE_DIR) / "config" }).templates;
        auto key = queue::createMasterKeyFile(m_dir / "queue.key");
        ASSERT_TRUE(key.ok());
        queue::StoreOptions options;
        options.key = *key;
        options.create = true;
        ASSERT_TRUE(queue::Store::open(m_dir / "queue.db", std::move(options)).ok());
    }
    void TearDown() override { fs::remove_all(m_dir); }

    forms::FilledForm form(const std::string& templateId, const std::string& recordId)
    {
        forms::FilledForm filled;
        filled.recordId = recordId;
        filled.templateId = templateId;
        filled.templateVersion = 1;
        filled.kioskId = "kiosk-1";
        filled.createdAt = filled.updatedAt = "2026-11-29T10:15:00+09:00";
        return filled;
    }

    fs::path m_dir;
    std::vector<forms::FormTemplate> m_templates;
};

const std::string RECORD_1 = "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d";
const std::string RECORD_2 = "1c8b4d2f-6e3a-4b9c-8d7e-2f3a4b5c6d7e";

TEST_F(OutputServices, AVisitOfTwoFormsIsTwoRecordsLinkedByTheVisitUnderOneTicket)
{
    auto service = QueueRecordService::open(
        { m_dir / "queue.db", m_dir / "queue.key", "B", m_templates, {} });
    ASSERT_TRUE(service.ok()) << service.error();
    auto juminhyo = form("juminhyo", RECORD_1);
    juminhyo.values["phone"] = { std::string("0770-53-1111"), forms::ValueOrigin::Resident };
    auto kokuho = form("kokuho", RECORD_2);
    kokuho.values["notifier_my_number"] = { std::string("123456789018"), forms::ValueOrigin::Card };
    auto receipt = (*service)->submit("visit-1", { juminhyo, kokuho }, 1'700'000'000'000);
    ASSERT_TRUE(receipt.ok()) << receipt.error();
    EXPECT_EQ(receipt->ticket, "B-001");
    EXPECT_GE(receipt->waitMinutes, 0);
    EXPECT_TRUE((*service)->belongsToVisit("visit-1", RECORD_2));
    EXPECT_FALSE((*service)->belongsToVisit("visit-2", RECORD_2));
    EXPECT_FALSE((*service)->belongsToVisit("visit-1", "no-such-record"));
    // A retry of the same visit is idempotent: same ticket, no new records.
    auto again = (*service)->submit("visit-1", { juminhyo, kokuho }, 1'700'000'000'000);
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_EQ(again->ticket, "B-001");

    auto key = queue::loadMasterKey(m_dir / "queue.key");
    queue::StoreOptions options;
    options.key = *key;
    auto store = queue::Store::open(m_dir / "queue.db", std::move(options));
    ASSERT_TRUE(store.ok());
    auto records = store->list();
    ASSERT_EQ(records->size(), 2u);
    for (const auto& record : *records) {
        EXPECT_EQ(record.visitId, "visit-1");
        EXPECT_EQ(record.counterGroup, "B");
        EXPECT_EQ(record.cardReadAtMs, 1'700'000'000'000);
        EXPECT_EQ(record.hasMyNumber, record.id == RECORD_2);
    }
    EXPECT_EQ(store->get(RECORD_2)->ticket, "B-001") << "one ticket covers the visit";
}

TEST_F(OutputServices, AKioskOfATownHallNumbersTicketsWithItsOwnPrefix)
{
    auto service = QueueRecordService::open(
        { m_dir / "queue.db", m_dir / "queue.key", "A", m_templates, "K2" });
    ASSERT_TRUE(service.ok()) << service.error();
    auto receipt = (*service)->submit("visit-1", { form("juminhyo", RECORD_1) }, std::nullopt);
    ASSERT_TRUE(receipt.ok()) << receipt.error();
    EXPECT_EQ(receipt->ticket, "K2-001");
}

TEST_F(OutputServices, TheMyNumberIsMaskedInThePayloadAndKeptApart)
{
    auto kokuho = form("kokuho", RECORD_2);
    kokuho.values["notifier_my_number"] = { std::string("123456789018"), forms::ValueOrigin::Card };
    auto submission = makeSubmission(m_templates, kokuho);
    ASSERT_TRUE(submission.ok()) << submission.error();
    const std::string payload(submission->payload.data(), submission->payload.size());
    EXPECT_EQ(payload.find("123456789018"), std::string::npos);
    EXPECT_NE(payload.find("\"********9018\""), std::string::npos) << payload;
    ASSERT_TRUE(submission->myNumber.has_value());
    EXPECT_EQ(
        std::string(submission->myNumber->data(), submission->myNumber->size()), "123456789018");
    EXPECT_FALSE(makeSubmission(m_templates, form("nope", RECORD_1)).ok());
}

TEST_F(OutputServices, PdfPrintingRefusesARecordOfAnotherVisitAndMarksTraining)
{
    PdfPrintOptions options;
    options.directory = m_dir / "print";
    fs::create_directories(options.directory);
    options.training = true;
    options.templates = m_templates;
    options.owner = [](const std::string& visit, const std::string& record) {
        return visit == "visit-1" && record == RECORD_1;
    };
    PdfPrintService printer(options);
    auto refused = printer.print("visit-1", "A-001", { form("juminhyo", RECORD_2) });
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("not part of visit"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(options.directory));
    auto printed = printer.print("visit-1", "A-001", { form("juminhyo", RECORD_1) });
    ASSERT_TRUE(printed.ok()) << printed.error();
    EXPECT_TRUE(fs::exists(options.directory / "A-001-form-1-juminhyo.pdf"));
    EXPECT_TRUE(fs::exists(options.directory / "A-001-ticket.pdf"));
}

} // namespace
} // namespace kakanai::kiosk::ui
