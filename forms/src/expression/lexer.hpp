// Internal: the tokenizer of the condition language (grammar in expression.hpp).
#pragma once

#include "kakanai/forms/expression.hpp"

#include <string>
#include <string_view>

namespace kakanai::forms::detail {

enum class Tok
{
    End,
    Ident,
    String,
    Integer,
    Op, // == != < <= > >=
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Error,
};

struct Token
{
    Tok kind = Tok::End;
    std::string text;
    int column = 1;
};

inline bool isIdentStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
inline bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Lexer
{
public:
    explicit Lexer(std::string_view source)
        : m_source(source)
    {
    }

    /** Column (1-based, code points) of byte offset `offset`. */
    int columnOf(std::size_t offset) const
    {
        int column = 1;
        for (std::size_t i = 0; i < offset && i < m_source.size(); ++i) {
            if ((static_cast<unsigned char>(m_source[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return column;
    }

    Token next(ExpressionError& error)
    {
        while (m_pos < m_source.size()
            && (m_source[m_pos] == ' ' || m_source[m_pos] == '\t' || m_source[m_pos] == '\n'
                || m_source[m_pos] == '\r')) {
            ++m_pos;
        }
        Token token;
        token.column = columnOf(m_pos);
        if (m_pos >= m_source.size()) {
            return token;
        }
        const std::size_t start = m_pos;
        const char c = m_source[m_pos];
        if (isIdentStart(c)) {
            while (m_pos < m_source.size() && isIdentChar(m_source[m_pos])) {
                ++m_pos;
            }
            token.kind = Tok::Ident;
            token.text = std::string(m_source.substr(start, m_pos - start));
            return token;
        }
        if (isDigit(c)
            || (c == '-' && m_pos + 1 < m_source.size() && isDigit(m_source[m_pos + 1]))) {
            ++m_pos;
            while (m_pos < m_source.size() && isDigit(m_source[m_pos])) {
                ++m_pos;
            }
            token.kind = Tok::Integer;
            token.text = std::string(m_source.substr(start, m_pos - start));
            return token;
        }
        if (c == '"' || c == '\'') {
            ++m_pos;
            while (m_pos < m_source.size() && m_source[m_pos] != c) {
                ++m_pos;
            }
            if (m_pos >= m_source.size()) {
                error = { token.column, "expr.unterminated-string", "unterminated string" };
                token.kind = Tok::Error;
                return token;
            }
            token.kind = Tok::String;
            token.text = std::string(m_source.substr(start + 1, m_pos - start - 1));
            ++m_pos;
            return token;
        }
        auto two = m_source.substr(m_pos, 2);
        if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
            m_pos += 2;
            token.kind = Tok::Op;
            token.text = std::string(two);
            return token;
        }
        ++m_pos;
        switch (c) {
        case '<':
        case '>':
            token.kind = Tok::Op;
            token.text = std::string(1, c);
            return token;
        case '(':
            token.kind = Tok::LParen;
            return token;
        case ')':
            token.kind = Tok::RParen;
            return token;
        case '[':
            token.kind = Tok::LBracket;
            return token;
        case ']':
            token.kind = Tok::RBracket;
            return token;
        case ',':
            token.kind = Tok::Comma;
            return token;
        default:
            break;
        }
        error = { token.column, "expr.unexpected-character",
            c == '=' ? "unexpected '=' (write '==' to compare)" : "unexpected character" };
        token.kind = Tok::Error;
        return token;
    }

private:
    std::string_view m_source;
    std::size_t m_pos = 0;
};

} // namespace kakanai::forms::detail
