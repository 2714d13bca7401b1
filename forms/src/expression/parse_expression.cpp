// Recursive-descent parser of the condition language (grammar in expression.hpp).
#include "kakanai/forms/expression.hpp"

#include "expression/lexer.hpp"

#include <charconv>

namespace kakanai::forms {
namespace {

constexpr int MAX_DEPTH = 64;
constexpr int MAX_NODES = 1000; // keeps evaluation and destruction recursion shallow

using detail::Lexer;
using detail::Tok;
using detail::Token;

class Parser
{
public:
    explicit Parser(std::string_view source)
        : m_lexer(source)
    {
        advance();
    }

    std::unique_ptr<ExprNode> parseAll()
    {
        if (m_failed) {
            return nullptr;
        }
        if (m_token.kind == Tok::End) {
            fail("expr.empty", "empty condition");
            return nullptr;
        }
        auto node = parseOr(0);
        if (node && m_token.kind != Tok::End) {
            fail("expr.trailing-input", "unexpected text after the condition");
            return nullptr;
        }
        return m_failed ? nullptr : std::move(node);
    }

    const ExpressionError& error() const { return m_error; }

private:
    void advance()
    {
        if (m_failed) {
            return;
        }
        m_token = m_lexer.next(m_error);
        if (m_token.kind == Tok::Error) {
            m_failed = true;
        }
    }

    void fail(const char* id, const char* text)
    {
        if (!m_failed) {
            m_error = { m_token.column, id, text };
            m_failed = true;
        }
    }

    bool isKeyword(std::string_view word) const
    {
        return m_token.kind == Tok::Ident && m_token.text == word;
    }

    std::unique_ptr<ExprNode> makeNode(ExprKind kind, int column)
    {
        if (++m_nodes > MAX_NODES) {
            fail("expr.too-long", "condition too long (more than 1000 terms)");
        }
        auto node = std::make_unique<ExprNode>();
        node->kind = kind;
        node->column = column;
        return node;
    }

    std::unique_ptr<ExprNode> parseOr(int depth)
    {
        if (depth > MAX_DEPTH) {
            fail("expr.too-deep", "condition nested too deeply");
            return nullptr;
        }
        auto left = parseAnd(depth);
        while (left && !m_failed && isKeyword("or")) {
            auto node = makeNode(ExprKind::Or, m_token.column);
            advance();
            auto right = parseAnd(depth);
            if (!right) {
                return nullptr;
            }
            node->children.push_back(std::move(left));
            node->children.push_back(std::move(right));
            left = std::move(node);
        }
        return left;
    }

    std::unique_ptr<ExprNode> parseAnd(int depth)
    {
        auto left = parseNot(depth);
        while (left && !m_failed && isKeyword("and")) {
            auto node = makeNode(ExprKind::And, m_token.column);
            advance();
            auto right = parseNot(depth);
            if (!right) {
                return nullptr;
            }
            node->children.push_back(std::move(left));
            node->children.push_back(std::move(right));
            left = std::move(node);
        }
        return left;
    }

    std::unique_ptr<ExprNode> parseNot(int depth)
    {
        if (isKeyword("not")) {
            if (depth > MAX_DEPTH) {
                fail("expr.too-deep", "condition nested too deeply");
                return nullptr;
            }
            auto node = makeNode(ExprKind::Not, m_token.column);
            advance();
            auto operand = parseNot(depth + 1);
            if (!operand) {
                return nullptr;
            }
            node->children.push_back(std::move(operand));
            return node;
        }
        return parseComparison(depth);
    }

    std::unique_ptr<ExprNode> parseComparison(int depth)
    {
        auto left = parseOperand(depth);
        if (!left) {
            return nullptr;
        }
        if (m_token.kind == Tok::Op) {
            auto node = makeNode(ExprKind::Compare, m_token.column);
            const std::string& op = m_token.text;
            node->op = op == "==" ? CompareOp::Eq
                : op == "!="      ? CompareOp::Ne
                : op == "<"       ? CompareOp::Lt
                : op == "<="      ? CompareOp::Le
                : op == ">"       ? CompareOp::Gt
                                  : CompareOp::Ge;
            advance();
            auto right = parseOperand(depth);
            if (!right) {
                return nullptr;
            }
            node->children.push_back(std::move(left));
            node->children.push_back(std::move(right));
            return node;
        }
        const bool negated = isKeyword("not");
        if (negated || isKeyword("in")) {
            auto node = makeNode(negated ? ExprKind::NotIn : ExprKind::In, m_token.column);
            advance();
            if (negated) {
                if (!isKeyword("in")) {
                    fail("expr.expected-list", "expected 'in' after 'not'");
                    return nullptr;
                }
                advance();
            }
            node->children.push_back(std::move(left));
            if (!parseList(*node)) {
                return nullptr;
            }
            return node;
        }
        return left;
    }

    bool parseList(ExprNode& node)
    {
        if (m_token.kind != Tok::LBracket) {
            fail("expr.expected-list", "expected '[' to start a list of values");
            return false;
        }
        advance();
        while (!m_failed) {
            auto literal = parseLiteral();
            if (!literal) {
                fail("expr.expected-literal", "expected a string, integer or boolean");
                return false;
            }
            node.children.push_back(std::move(literal));
            if (m_token.kind == Tok::Comma) {
                advance();
                if (m_token.kind == Tok::RBracket) {
                    break;
                }
                continue;
            }
            break;
        }
        if (m_token.kind != Tok::RBracket) {
            fail("expr.expected-close", "expected ']' to close the list");
            return false;
        }
        advance();
        return !m_failed;
    }

    std::unique_ptr<ExprNode> parseLiteral()
    {
        if (m_failed) {
            return nullptr;
        }
        auto node = makeNode(ExprKind::Literal, m_token.column);
        if (m_token.kind == Tok::String) {
            node->literal = m_token.text;
        } else if (m_token.kind == Tok::Integer) {
            std::int64_t number = 0;
            const char* first = m_token.text.data();
            const char* last = first + m_token.text.size();
            auto [ptr, ec] = std::from_chars(first, last, number);
            if (ec != std::errc() || ptr != last) {
                fail("expr.bad-integer", "integer out of range");
                return nullptr;
            }
            node->literal = number;
        } else if (isKeyword("true") || isKeyword("false")) {
            node->literal = m_token.text == "true";
        } else {
            return nullptr;
        }
        advance();
        return m_failed ? nullptr : std::move(node);
    }

    static bool isReserved(std::string_view word)
    {
        return word == "and" || word == "or" || word == "not" || word == "in";
    }

    std::unique_ptr<ExprNode> parseOperand(int depth)
    {
        if (m_failed) {
            return nullptr;
        }
        if (m_token.kind == Tok::LParen) {
            advance();
            auto inner = parseOr(depth + 1);
            if (!inner) {
                return nullptr;
            }
            if (m_token.kind != Tok::RParen) {
                fail("expr.expected-close", "expected ')'");
                return nullptr;
            }
            advance();
            return m_failed ? nullptr : std::move(inner);
        }
        if (auto literal = parseLiteral()) {
            return literal;
        }
        if (m_failed) {
            return nullptr;
        }
        if (m_token.kind == Tok::Ident && !isReserved(m_token.text)) {
            if (m_token.text == "answered") {
                auto node = makeNode(ExprKind::Answered, m_token.column);
                advance();
                if (m_token.kind != Tok::LParen) {
                    fail("expr.expected-operand", "expected '(' after answered");
                    return nullptr;
                }
                advance();
                if (m_token.kind != Tok::Ident || isReserved(m_token.text)) {
                    fail("expr.expected-operand", "expected a field name in answered(...)");
                    return nullptr;
                }
                node->name = m_token.text;
                node->column = m_token.column;
                advance();
                if (m_token.kind != Tok::RParen) {
                    fail("expr.expected-close", "expected ')'");
                    return nullptr;
                }
                advance();
                return m_failed ? nullptr : std::move(node);
            }
            auto node = makeNode(ExprKind::Reference, m_token.column);
            node->name = m_token.text;
            advance();
            return m_failed ? nullptr : std::move(node);
        }
        fail("expr.expected-operand", "expected a field name, a value or '('");
        return nullptr;
    }

    Lexer m_lexer;
    Token m_token;
    ExpressionError m_error;
    bool m_failed = false;
    int m_nodes = 0;
};

} // namespace

Expression::Expression(std::string source, std::unique_ptr<ExprNode> root)
    : m_source(std::move(source))
    , m_root(std::move(root))
{
}

Result<Expression, ExpressionError> parseExpression(std::string_view source)
{
    Parser parser(source);
    auto root = parser.parseAll();
    if (!root) {
        return fail(parser.error());
    }
    return Expression(std::string(source), std::move(root));
}

} // namespace kakanai::forms
