// Evaluation of parsed conditions: total, never throws; unanswered compares false.
#include "kakanai/forms/expression.hpp"

#include <algorithm>

namespace kakanai::forms {
namespace {

const Value UNANSWERED {};

const Value& operandValue(const ExprNode& node, const ValueMap& values, Value& scratch)
{
    switch (node.kind) {
    case ExprKind::Literal:
        return node.literal;
    case ExprKind::Reference: {
        auto found = values.find(node.name);
        return found == values.end() ? UNANSWERED : found->second;
    }
    default:
        scratch = evaluateNode(node, values);
        return scratch;
    }
}

/** Compares two scalar answers; false when either is unanswered or the types differ. */
bool compareScalars(const Value& left, const Value& right, CompareOp op)
{
    if (!isAnswered(left) || !isAnswered(right) || left.index() != right.index()) {
        return false;
    }
    int order = 0;
    if (const auto* l = std::get_if<std::int64_t>(&left)) {
        const auto r = std::get<std::int64_t>(right);
        order = *l < r ? -1 : (*l > r ? 1 : 0);
    } else if (const auto* s = std::get_if<std::string>(&left)) {
        const int c = s->compare(std::get<std::string>(right));
        order = c < 0 ? -1 : (c > 0 ? 1 : 0);
    } else if (const auto* b = std::get_if<bool>(&left)) {
        const bool r = std::get<bool>(right);
        if (op != CompareOp::Eq && op != CompareOp::Ne) {
            return false;
        }
        order = *b == r ? 0 : 1;
    } else {
        return false;
    }
    switch (op) {
    case CompareOp::Eq:
        return order == 0;
    case CompareOp::Ne:
        return order != 0;
    case CompareOp::Lt:
        return order < 0;
    case CompareOp::Le:
        return order <= 0;
    case CompareOp::Gt:
        return order > 0;
    case CompareOp::Ge:
        return order >= 0;
    }
    return false;
}

/** A multi-choice list matches when any element does (for == and in); != means "none equal". */
bool compareValues(const Value& left, const Value& right, CompareOp op)
{
    const auto* list = std::get_if<std::vector<std::string>>(&left);
    const Value* other = &right;
    if (!list) {
        list = std::get_if<std::vector<std::string>>(&right);
        other = &left;
    }
    if (!list) {
        return compareScalars(left, right, op);
    }
    if (list->empty() || !isAnswered(*other)) {
        return false;
    }
    if (op == CompareOp::Ne) {
        return std::none_of(list->begin(), list->end(), [&](const std::string& item) {
            return compareScalars(Value(item), *other, CompareOp::Eq);
        });
    }
    return std::any_of(list->begin(), list->end(),
        [&](const std::string& item) { return compareScalars(Value(item), *other, op); });
}

bool inList(const ExprNode& node, const ValueMap& values)
{
    Value scratch;
    const Value& left = operandValue(*node.children.front(), values, scratch);
    if (!isAnswered(left)) {
        return false;
    }
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        if (compareValues(left, node.children[i]->literal, CompareOp::Eq)) {
            return true;
        }
    }
    return false;
}

} // namespace

bool isAnswered(const Value& value)
{
    if (std::holds_alternative<std::monostate>(value)) {
        return false;
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        return !list->empty();
    }
    return true;
}

bool evaluateNode(const ExprNode& node, const ValueMap& values)
{
    switch (node.kind) {
    case ExprKind::Literal:
        return std::holds_alternative<bool>(node.literal) && std::get<bool>(node.literal);
    case ExprKind::Reference: {
        auto found = values.find(node.name);
        return found != values.end() && std::holds_alternative<bool>(found->second)
            && std::get<bool>(found->second);
    }
    case ExprKind::Answered: {
        auto found = values.find(node.name);
        return found != values.end() && isAnswered(found->second);
    }
    case ExprKind::Compare: {
        if (node.children.size() != 2) {
            return false;
        }
        Value leftScratch;
        Value rightScratch;
        const Value& left = operandValue(*node.children[0], values, leftScratch);
        const Value& right = operandValue(*node.children[1], values, rightScratch);
        return compareValues(left, right, node.op);
    }
    case ExprKind::In:
        return !node.children.empty() && inList(node, values);
    case ExprKind::NotIn: {
        if (node.children.empty()) {
            return false;
        }
        Value scratch;
        return isAnswered(operandValue(*node.children.front(), values, scratch))
            && !inList(node, values);
    }
    case ExprKind::And:
        return node.children.size() == 2 && evaluateNode(*node.children[0], values)
            && evaluateNode(*node.children[1], values);
    case ExprKind::Or:
        return node.children.size() == 2
            && (evaluateNode(*node.children[0], values) || evaluateNode(*node.children[1], values));
    case ExprKind::Not:
        return node.children.size() == 1 && !evaluateNode(*node.children[0], values);
    }
    return false;
}

bool Expression::evaluate(const ValueMap& values) const
{
    return !m_root || evaluateNode(*m_root, values);
}

namespace {
void collectReferences(const ExprNode& node, std::vector<std::pair<std::string, int>>& out)
{
    if (node.kind == ExprKind::Reference || node.kind == ExprKind::Answered) {
        out.emplace_back(node.name, node.column);
    }
    for (const auto& child : node.children) {
        collectReferences(*child, out);
    }
}
} // namespace

std::vector<std::pair<std::string, int>> Expression::references() const
{
    std::vector<std::pair<std::string, int>> out;
    if (m_root) {
        collectReferences(*m_root, out);
    }
    return out;
}

} // namespace kakanai::forms
