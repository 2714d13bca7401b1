// The condition language of form templates: `when` on fields and life-event forms, and `when`
// on template rules. Documented for IT staff in docs/forms-expressions.md.
//
//   expr       := or
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | comparison
//   comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
//                          | "not"? "in" "[" literal ("," literal)* ","? "]")?
//   operand    := reference | literal | "answered" "(" reference ")" | "(" expr ")"
//   literal    := "string" | 'string' | -?digits | true | false
//   reference  := [A-Za-z_][A-Za-z0-9_.-]*   (a field key or a source such as card.age)
//
// Evaluation against a ValueMap: a reference missing from the map, or mapped to std::monostate,
// is *unanswered*. Every comparison and membership test involving an unanswered value is false
// (so `x != "a"` is false too while x is unanswered), and so is a comparison of different types.
// A bare reference is true only when its value is the boolean true. `answered(x)` is true when x
// has a value (a non-empty list for multi-choice). For a multi-choice value (a list), `x == "a"`
// and `x in [...]` are true when any selected option matches.
//
// Errors: parseExpression never throws; it returns an ExpressionError with the 1-based column
// (in code points) and a stable message id:
//   expr.empty, expr.unexpected-character, expr.unterminated-string, expr.bad-integer,
//   expr.expected-operand, expr.expected-list, expr.expected-literal, expr.expected-close,
//   expr.trailing-input, expr.too-deep (more than 64 nested levels), expr.too-long (more than
//   1000 terms).
// evaluate() never throws and never fails: it is total over any ValueMap.
#pragma once

#include "kakanai/base/result.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kakanai::forms {

/**
 * One answer or source value. monostate = unanswered; bool = yes/no; int64 = integer or age;
 * string = text, choice value, ISO date (YYYY-MM-DD, so < and > compare dates); list = the
 * values of a multi-choice.
 */
using Value
    = std::variant<std::monostate, bool, std::int64_t, std::string, std::vector<std::string>>;

/** Field keys and source names (card.age, today, ...) to their values. */
using ValueMap = std::map<std::string, Value, std::less<>>;

/** True if the value is an answer (not monostate, not an empty list). */
bool isAnswered(const Value& value);

enum class ExprKind
{
    Literal,
    Reference,
    Answered, // answered(reference)
    Compare,
    In,
    NotIn,
    And,
    Or,
    Not,
};

enum class CompareOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
};

/** A node of the parsed expression. Columns are 1-based code points into the source text. */
struct ExprNode
{
    ExprKind kind = ExprKind::Literal;
    int column = 1;
    Value literal; // Literal
    std::string name; // Reference, Answered
    CompareOp op = CompareOp::Eq; // Compare
    std::vector<std::unique_ptr<ExprNode>> children; // operands; In/NotIn: [lhs, literals...]
};

struct ExpressionError
{
    int column = 1;
    std::string id; // "expr.unexpected-character", ...
    std::string text; // English, for IT staff
};

/** A parsed condition: its source text and the (shared, immutable) AST. Cheap to copy. */
class Expression
{
public:
    Expression() = default;
    Expression(std::string source, std::unique_ptr<ExprNode> root);

    const std::string& source() const { return m_source; }
    const ExprNode* root() const { return m_root.get(); }
    bool empty() const { return !m_root; }

    /** Evaluates against values; an empty expression is true (no condition). */
    bool evaluate(const ValueMap& values) const;

    /** Every reference (field key or source) with its column, in source order. */
    std::vector<std::pair<std::string, int>> references() const;

private:
    std::string m_source;
    std::shared_ptr<const ExprNode> m_root;
};

Result<Expression, ExpressionError> parseExpression(std::string_view source);

/** Evaluates one node (exposed for tools that walk the AST). */
bool evaluateNode(const ExprNode& node, const ValueMap& values);

} // namespace kakanai::forms
