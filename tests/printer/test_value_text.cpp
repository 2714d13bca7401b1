// printedValue, masking, the QR payload and error ids.
#include "kakanai/printer/errors.hpp"
#include "kakanai/printer/value_text.hpp"
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

namespace kakanai::printer::test {
namespace {

using forms::Value;

const forms::Field& field(const std::string& form, const std::string& key)
{
    const forms::Field* found = shippedTemplate(form).findField(key);
    if (!found) {
        throw std::runtime_error("no field " + key);
    }
    return *found;
}

TEST(PrintedValue, DatesInWarekiOrAsStored)
{
    const auto& birth = field("juminhyo", "requester_birth_date");
    EXPECT_EQ(printedValue(birth, Value { std::string("1980-01-01") }), "昭和55年1月1日");
    EXPECT_EQ(printedValue(birth, Value { std::string("2019-05-01") }), "令和元年5月1日");
    EXPECT_EQ(printedValue(birth, Value { std::string("19800231") }), "19800231");
    EXPECT_EQ(printedValue(birth, Value { std::string("1980-02-31") }), "1980-02-31");
    forms::Field western = birth;
    western.dateDisplay = forms::DateDisplay::Western;
    EXPECT_EQ(printedValue(western, Value { std::string("2025-04-01") }), "2025年4月1日");
}

TEST(PrintedValue, ChoicesYesNoAndIntegers)
{
    EXPECT_EQ(
        printedValue(field("juminhyo", "relationship"), Value { std::string("self") }), "本人");
    EXPECT_EQ(printedValue(field("juminhyo", "relationship"), Value { std::string("self") }, "en"),
        "My own");
    EXPECT_EQ(
        printedValue(field("juminhyo", "relationship"), Value { std::string("gone") }), "gone");
    const Value items { std::vector<std::string> { "head_relationship", "honseki" } };
    EXPECT_EQ(
        printedValue(field("juminhyo", "include_items"), items), "世帯主・続柄、本籍・筆頭者");
    EXPECT_EQ(printedValue(field("juminhyo", "power_of_attorney"), Value { true }), "はい");
    EXPECT_EQ(printedValue(field("juminhyo", "power_of_attorney"), Value { false }, "en"), "No");
    EXPECT_EQ(printedValue(field("juminhyo", "copies"), Value { std::int64_t { 3 } }), "3");
    EXPECT_EQ(printedValue(field("juminhyo", "copies"), Value {}), "");
}

TEST(PrintedValue, CardTextUnchanged)
{
    const std::string name = "試験　花子";
    EXPECT_EQ(printedValue(field("juminhyo", "requester_name"), Value { name }), name);
}

TEST(PrintedValue, MyNumberMaskedUnlessStored)
{
    const auto& stored = field("kokuho", "notifier_my_number");
    ASSERT_TRUE(stored.store);
    EXPECT_EQ(printedValue(stored, Value { std::string("123456789018") }), "123456789018");
    forms::Field notStored = stored;
    notStored.store = false;
    EXPECT_EQ(printedValue(notStored, Value { std::string("123456789018") }), "********9018");
    EXPECT_EQ(maskMyNumber("1234"), "1234");
}

TEST(QrPayload, RoundTrip)
{
    const std::string payload = qrPayload("7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77", "A-012");
    EXPECT_EQ(payload, "kakanai:record:7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77?ticket=A-012");
    auto content = parseQrPayload(payload);
    ASSERT_TRUE(content.has_value());
    EXPECT_EQ(content->recordId, "7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77");
    EXPECT_EQ(content->ticketNumber, "A-012");
    EXPECT_EQ(parseQrPayload(qrPayload("abc", ""))->ticketNumber, "");
    EXPECT_FALSE(parseQrPayload("https://example.invalid/").has_value());
    EXPECT_FALSE(parseQrPayload("kakanai:record:").has_value());
}

TEST(Errors, StableIds)
{
    EXPECT_EQ(errorId(PrintErrorKind::PrinterStopped), "print.printer-stopped");
    EXPECT_EQ(errorId(PrintErrorKind::QueueMissing), "print.queue-missing");
    EXPECT_EQ(errorId(PrintErrorKind::JobAborted), "print.job-aborted");
    EXPECT_EQ(errorId(RenderErrorKind::MissingGlyph), "render.missing-glyph");
    EXPECT_EQ(codepointName(0x20BB7), "U+20BB7");
    EXPECT_EQ(describe(PrintError { PrintErrorKind::Timeout, "counter", 7, "slow" }),
        "print.timeout: queue 'counter' job 7: slow");
}

TEST(WarekiOfTimestamp, DateOfAnRfc3339Timestamp)
{
    EXPECT_EQ(warekiOfTimestamp("2026-11-29T10:15:00+09:00").value_or(""), "令和8年11月29日");
    EXPECT_FALSE(warekiOfTimestamp("").has_value());
    EXPECT_FALSE(warekiOfTimestamp("yesterday").has_value());
}

} // namespace
} // namespace kakanai::printer::test
