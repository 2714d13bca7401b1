// The condition language: parsing, error columns, evaluation with unanswered values.
#include "kakanai/forms/expression.hpp"

#include <gtest/gtest.h>

namespace {

using namespace kakanai::forms;

bool eval(std::string_view text, const ValueMap& values)
{
    auto parsed = parseExpression(text);
    EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().text);
    return parsed.ok() && parsed->evaluate(values);
}

ExpressionError parseError(std::string_view text)
{
    auto parsed = parseExpression(text);
    EXPECT_FALSE(parsed.ok()) << text;
    return parsed.ok() ? ExpressionError {} : parsed.error();
}

TEST(Expression, Equality)
{
    const ValueMap values { { "kind", std::string("tennyu") }, { "copies", std::int64_t { 2 } } };
    EXPECT_TRUE(eval(R"(kind == "tennyu")", values));
    EXPECT_TRUE(eval("kind == 'tennyu'", values));
    EXPECT_FALSE(eval(R"(kind == "tenkyo")", values));
    EXPECT_TRUE(eval(R"(kind != "tenkyo")", values));
    EXPECT_TRUE(eval("copies == 2", values));
    EXPECT_FALSE(eval(R"(copies == "2")", values)); // different types never compare equal
}

TEST(Expression, Ordering)
{
    const ValueMap values { { "card.age", std::int64_t { 14 } },
        { "move_date", std::string("2025-04-01") } };
    EXPECT_TRUE(eval("card.age < 15", values));
    EXPECT_TRUE(eval("card.age <= 14", values));
    EXPECT_FALSE(eval("card.age > 14", values));
    EXPECT_TRUE(eval("card.age >= 14", values));
    EXPECT_TRUE(eval("card.age > -1", values));
    EXPECT_TRUE(eval(R"(move_date < "2025-04-15")", values)); // ISO dates order as strings
}

TEST(Expression, Membership)
{
    const ValueMap values { { "kind", std::string("tenkyo") } };
    EXPECT_TRUE(eval(R"(kind in ["tennyu", "tenkyo"])", values));
    EXPECT_TRUE(eval(R"(kind in ["tennyu", "tenkyo",])", values));
    EXPECT_FALSE(eval(R"(kind in ["tenshutsu"])", values));
    EXPECT_TRUE(eval(R"(kind not in ["tenshutsu"])", values));
}

TEST(Expression, MultiChoiceMatchesAnySelectedOption)
{
    const ValueMap values { { "items", std::vector<std::string> { "honseki", "my_number" } } };
    EXPECT_TRUE(eval(R"(items in ["my_number", "juminhyo_code"])", values));
    EXPECT_TRUE(eval(R"(items == "honseki")", values));
    EXPECT_FALSE(eval(R"(items == "juminhyo_code")", values));
    EXPECT_TRUE(eval(R"(items != "juminhyo_code")", values));
    EXPECT_FALSE(eval(R"(items != "honseki")", values));
    EXPECT_TRUE(eval("answered(items)", values));
    EXPECT_FALSE(eval("answered(items)", { { "items", std::vector<std::string> {} } }));
}

TEST(Expression, BooleanLogicAndPrecedence)
{
    const ValueMap values { { "agent", true }, { "letter", false } };
    EXPECT_TRUE(eval("agent and not letter", values));
    EXPECT_FALSE(eval("not agent or letter", values));
    EXPECT_TRUE(eval("letter or agent and not letter", values)); // and binds tighter than or
    EXPECT_FALSE(eval("(letter or agent) and letter", values));
    EXPECT_TRUE(eval("not not agent", values));
    EXPECT_TRUE(eval("true", values));
    EXPECT_FALSE(eval("false", values));
    EXPECT_TRUE(eval("agent == true", values));
}

TEST(Expression, UnansweredComparesFalse)
{
    const ValueMap empty;
    const ValueMap monostate { { "kind", std::monostate {} } };
    for (const auto* values : { &empty, &monostate }) {
        EXPECT_FALSE(eval(R"(kind == "a")", *values));
        EXPECT_FALSE(eval(R"(kind != "a")", *values)); // documented: != is false too
        EXPECT_FALSE(eval(R"(kind in ["a"])", *values));
        EXPECT_FALSE(eval(R"(kind not in ["a"])", *values));
        EXPECT_FALSE(eval("kind < 3", *values));
        EXPECT_FALSE(eval("kind", *values));
        EXPECT_FALSE(eval("answered(kind)", *values));
        EXPECT_TRUE(eval(R"(not (kind == "a"))", *values));
    }
}

TEST(Expression, BareReferenceIsTrueOnlyForYes)
{
    EXPECT_FALSE(eval("x", { { "x", std::string("yes") } }));
    EXPECT_FALSE(eval("x", { { "x", std::int64_t { 1 } } }));
    EXPECT_TRUE(eval("x", { { "x", true } }));
}

TEST(Expression, ReferencesWithColumns)
{
    auto parsed = parseExpression(R"(kind == "a" and answered(card.age))");
    ASSERT_TRUE(parsed.ok());
    const auto refs = parsed->references();
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(refs[0], (std::pair<std::string, int> { "kind", 1 }));
    EXPECT_EQ(refs[1], (std::pair<std::string, int> { "card.age", 26 }));
}

TEST(Expression, ErrorsCarryTheColumn)
{
    EXPECT_EQ(parseError("").id, "expr.empty");
    EXPECT_EQ(parseError("   ").id, "expr.empty");
    auto e = parseError(R"(kind = "a")");
    EXPECT_EQ(e.id, "expr.unexpected-character");
    EXPECT_EQ(e.column, 6);
    e = parseError(R"(kind == "a)");
    EXPECT_EQ(e.id, "expr.unterminated-string");
    EXPECT_EQ(e.column, 9);
    e = parseError("(a or b");
    EXPECT_EQ(e.id, "expr.expected-close");
    EXPECT_EQ(e.column, 8);
    e = parseError("a b");
    EXPECT_EQ(e.id, "expr.trailing-input");
    EXPECT_EQ(e.column, 3);
    e = parseError("a in b");
    EXPECT_EQ(e.id, "expr.expected-list");
    e = parseError("a in [b]");
    EXPECT_EQ(e.id, "expr.expected-literal");
    EXPECT_EQ(e.column, 7);
    e = parseError("a and");
    EXPECT_EQ(e.id, "expr.expected-operand");
    EXPECT_EQ(e.column, 6);
    e = parseError("a == 99999999999999999999");
    EXPECT_EQ(e.id, "expr.bad-integer");
    e = parseError("a # b");
    EXPECT_EQ(e.column, 3);
}

TEST(Expression, ColumnsCountCodePoints)
{
    auto e = parseError(R"(kind == "転入" ?)");
    EXPECT_EQ(e.column, 14);
}

TEST(Expression, DeepNestingIsAnErrorNotACrash)
{
    std::string deep(10000, '(');
    EXPECT_EQ(parseError(deep).id, "expr.too-deep");
    std::string nots;
    for (int i = 0; i < 10000; ++i) {
        nots += "not ";
    }
    EXPECT_EQ(parseError(nots + "a").id, "expr.too-deep");
    std::string fine = std::string(30, '(') + "a" + std::string(30, ')');
    EXPECT_TRUE(parseExpression(fine).ok());
}

TEST(Expression, EmptyExpressionIsAlwaysTrue)
{
    Expression none;
    EXPECT_TRUE(none.empty());
    EXPECT_TRUE(none.evaluate({}));
}

} // namespace
