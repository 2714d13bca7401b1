#include "lint/condition_check.hpp"

namespace kakanai::forms::detail {
namespace {

enum class Tri
{
    False,
    True,
    Unknown,
};

enum class Shape
{
    Bool,
    Integer,
    String, // also each element of a multi-choice list
    Unknown,
};

Shape shapeOf(const ReferenceInfo& info)
{
    switch (info.kind) {
    case ReferenceInfo::Kind::Boolean:
        return Shape::Bool;
    case ReferenceInfo::Kind::Integer:
        return Shape::Integer;
    case ReferenceInfo::Kind::String:
        return Shape::String;
    case ReferenceInfo::Kind::Unknown:
        return Shape::Unknown;
    case ReferenceInfo::Kind::Field:
        break;
    }
    switch (info.field->type) {
    case FieldType::YesNo:
        return Shape::Bool;
    case FieldType::Integer:
        return Shape::Integer;
    default:
        return Shape::String;
    }
}

Shape shapeOf(const Value& literal)
{
    if (std::holds_alternative<bool>(literal)) {
        return Shape::Bool;
    }
    if (std::holds_alternative<std::int64_t>(literal)) {
        return Shape::Integer;
    }
    return Shape::String;
}

class Checker
{
public:
    Checker(const SourceLocation& where, const ReferenceResolver& resolve, std::string_view context,
        Diagnostics& out)
        : m_where(where)
        , m_resolve(resolve)
        , m_context(context)
        , m_out(out)
    {
    }

    Tri fold(const ExprNode& node)
    {
        switch (node.kind) {
        case ExprKind::Literal:
            return evaluateNode(node, {}) ? Tri::True : Tri::False;
        case ExprKind::Reference: {
            const Shape shape = shapeOf(resolve(node));
            if (shape == Shape::Bool || shape == Shape::Unknown) {
                return Tri::Unknown;
            }
            report(node.column, "lint.type-mismatch",
                "'" + node.name + "' is not a yes/no answer: compare it, or use answered("
                    + node.name + ")");
            return Tri::False;
        }
        case ExprKind::Answered:
            resolve(node);
            return Tri::Unknown;
        case ExprKind::Compare:
            return foldCompare(node);
        case ExprKind::In:
        case ExprKind::NotIn:
            return foldIn(node);
        case ExprKind::And: {
            const Tri a = fold(*node.children[0]);
            const Tri b = fold(*node.children[1]);
            if (a == Tri::False || b == Tri::False) {
                return Tri::False;
            }
            return a == Tri::True && b == Tri::True ? Tri::True : Tri::Unknown;
        }
        case ExprKind::Or: {
            const Tri a = fold(*node.children[0]);
            const Tri b = fold(*node.children[1]);
            if (a == Tri::True || b == Tri::True) {
                return Tri::True;
            }
            return a == Tri::False && b == Tri::False ? Tri::False : Tri::Unknown;
        }
        case ExprKind::Not: {
            const Tri a = fold(*node.children[0]);
            return a == Tri::Unknown ? Tri::Unknown : (a == Tri::True ? Tri::False : Tri::True);
        }
        }
        return Tri::Unknown;
    }

private:
    void report(int column, const char* id, std::string text)
    {
        m_out.push_back(
            { m_where.file, m_where.line, m_where.column + column, id, std::move(text) });
    }

    static std::string kindName(const Value& literal)
    {
        return std::holds_alternative<bool>(literal)        ? "boolean"
            : std::holds_alternative<std::int64_t>(literal) ? "integer"
                                                            : "string";
    }

    ReferenceInfo resolve(const ExprNode& node)
    {
        ReferenceInfo info = m_resolve(node.name);
        if (info.kind == ReferenceInfo::Kind::Unknown) {
            report(node.column, "lint.unknown-reference",
                std::string(m_context) + " refers to '" + node.name + "', which does not exist");
        }
        return info;
    }

    /** Whether `literal` can ever equal a value of the referenced thing. Reports bad options. */
    bool possible(const ReferenceInfo& info, const std::string& refName, const ExprNode& literal)
    {
        const Shape shape = shapeOf(info);
        if (shape == Shape::Unknown) {
            return true;
        }
        if (shape != shapeOf(literal.literal)) {
            report(literal.column, "lint.type-mismatch",
                "'" + refName + "' is never equal to a " + kindName(literal.literal));
            return false;
        }
        if (info.kind == ReferenceInfo::Kind::Field && !info.field->options.empty()) {
            const auto& value = std::get<std::string>(literal.literal);
            if (!info.field->findOption(value)) {
                report(literal.column, "lint.unknown-option",
                    "'" + value + "' is not an option of field '" + info.field->key + "'");
                return false;
            }
        }
        return true;
    }

    Tri foldCompare(const ExprNode& node)
    {
        const ExprNode& left = *node.children[0];
        const ExprNode& right = *node.children[1];
        const bool leftRef = left.kind == ExprKind::Reference;
        const bool rightRef = right.kind == ExprKind::Reference;
        const bool leftLit = left.kind == ExprKind::Literal;
        const bool rightLit = right.kind == ExprKind::Literal;
        if (leftLit && rightLit) {
            return evaluateNode(node, {}) ? Tri::True : Tri::False;
        }
        if ((leftRef && rightLit) || (leftLit && rightRef)) {
            const ExprNode& ref = leftRef ? left : right;
            const ExprNode& lit = leftRef ? right : left;
            const ReferenceInfo info = resolve(ref);
            const bool canMatch = possible(info, ref.name, lit);
            if (canMatch || node.op == CompareOp::Ne) {
                return Tri::Unknown;
            }
            const bool sameShape = shapeOf(info) == shapeOf(lit.literal);
            const bool ordering = node.op != CompareOp::Eq;
            return sameShape && ordering ? Tri::Unknown : Tri::False;
        }
        for (const auto& child : node.children) {
            if (child->kind == ExprKind::Reference) {
                resolve(*child);
            } else {
                fold(*child);
            }
        }
        return Tri::Unknown;
    }

    Tri foldIn(const ExprNode& node)
    {
        const ExprNode& left = *node.children[0];
        if (left.kind != ExprKind::Reference) {
            if (left.kind != ExprKind::Literal) {
                fold(left);
            }
            return Tri::Unknown;
        }
        const ReferenceInfo info = resolve(left);
        bool any = false;
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            any = possible(info, left.name, *node.children[i]) || any;
        }
        if (node.kind == ExprKind::In && !any) {
            return Tri::False;
        }
        return Tri::Unknown;
    }

    const SourceLocation& m_where;
    const ReferenceResolver& m_resolve;
    std::string_view m_context;
    Diagnostics& m_out;
};

} // namespace

bool checkCondition(const Expression& condition, const SourceLocation& where,
    const ReferenceResolver& resolve, std::string_view context, Diagnostics& out)
{
    if (condition.empty()) {
        return true;
    }
    Checker checker(where, resolve, context, out);
    return checker.fold(*condition.root()) != Tri::False;
}

} // namespace kakanai::forms::detail
