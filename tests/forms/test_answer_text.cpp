// parseAnswer / answerText: typed text to field values and back.
#include "forms_fixture.hpp"

#include "kakanai/forms/answer_text.hpp"

namespace {

using namespace kakanai::forms;

Field fieldOf(FieldType type)
{
    Field field;
    field.key = "f";
    field.type = type;
    return field;
}

TEST(AnswerText, EachTypeGetsItsValue)
{
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::YesNo), "はい"), Value { true });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::YesNo), "no"), Value { false });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::YesNo), "maybe"), std::nullopt);
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Integer), "１２"), Value { std::int64_t { 12 } });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Integer), "12a"), std::nullopt);
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Integer), "99999999999999999999"), std::nullopt);
    const Value list = std::vector<std::string> { "a", "b", "c" };
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::MultiChoice), "a, b,,c"), list);
    EXPECT_EQ(
        parseAnswer(fieldOf(FieldType::Date), "H12/2/29"), Value { std::string("2000-02-29") });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Date), "H13/2/29"), Value { std::string("H13/2/29") });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Katakana), "やまだ はなこ"),
        Value { std::string("ヤマダ　ハナコ") });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::PostalCode), "９１７００７８"),
        Value { std::string("917-0078") });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Text), "  試験  "), Value { std::string("試験") });
    EXPECT_EQ(parseAnswer(fieldOf(FieldType::Text), "   "), Value {});
}

TEST(AnswerText, TextOfAValueReadsBack)
{
    const std::vector<Value> values { Value { true }, Value { std::int64_t { 3 } },
        Value { std::string("x") }, Value { std::vector<std::string> { "a", "b" } } };
    for (const Value& value : values) {
        const FieldType type = std::holds_alternative<bool>(value) ? FieldType::YesNo
            : std::holds_alternative<std::int64_t>(value)          ? FieldType::Integer
            : std::holds_alternative<std::string>(value)           ? FieldType::Text
                                                                   : FieldType::MultiChoice;
        EXPECT_EQ(parseAnswer(fieldOf(type), answerText(value)), value);
    }
}

} // namespace
