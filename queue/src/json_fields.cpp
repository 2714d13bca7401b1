// A minimal validating JSON scanner (see json_fields.hpp), RFC 8259 syntax.
#include "kakanai/queue/json_fields.hpp"

#include <cstdio>

namespace kakanai::queue {

namespace {

class Scanner
{
public:
    explicit Scanner(std::string_view text)
        : m_text(text)
    {
    }

    std::optional<JsonFields> object()
    {
        JsonFields fields;
        skipSpace();
        if (!consume('{')) {
            return std::nullopt;
        }
        skipSpace();
        if (!consume('}')) {
            do {
                skipSpace();
                std::string key;
                if (!string(&key)) {
                    return std::nullopt;
                }
                skipSpace();
                if (!consume(':')) {
                    return std::nullopt;
                }
                skipSpace();
                std::string value;
                bool scalar = false;
                if (!this->value(1, &value, &scalar)) {
                    return std::nullopt;
                }
                if (scalar) {
                    fields[key] = value;
                } else {
                    fields.erase(key);
                }
                skipSpace();
            } while (consume(','));
            if (!consume('}')) {
                return std::nullopt;
            }
        }
        skipSpace();
        if (m_pos != m_text.size()) {
            return std::nullopt;
        }
        return fields;
    }

private:
    bool value(int depth, std::string* out, bool* scalar)
    {
        if (depth > 64 || m_pos >= m_text.size()) {
            return false;
        }
        const char c = m_text[m_pos];
        if (c == '"') {
            *scalar = out != nullptr;
            return string(out);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = m_pos;
            if (!number()) {
                return false;
            }
            if (out) {
                *out = std::string(m_text.substr(start, m_pos - start));
                *scalar = true;
            }
            return true;
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            skipSpace();
            if (consume(close)) {
                return true;
            }
            do {
                skipSpace();
                if (c == '{') {
                    if (!string(nullptr)) {
                        return false;
                    }
                    skipSpace();
                    if (!consume(':')) {
                        return false;
                    }
                    skipSpace();
                }
                bool ignored = false;
                if (!value(depth + 1, nullptr, &ignored)) {
                    return false;
                }
                skipSpace();
            } while (consume(','));
            return consume(close);
        }
        for (std::string_view word : { "true", "false", "null" }) {
            if (m_text.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        }
        return false;
    }

    bool number()
    {
        consume('-');
        if (consume('0')) {
        } else if (!digits()) {
            return false;
        }
        if (consume('.') && !digits()) {
            return false;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (!consume('+')) {
                consume('-');
            }
            return digits();
        }
        return true;
    }

    bool digits()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
            ++m_pos;
        }
        return m_pos > start;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    bool hex4(unsigned* out)
    {
        if (m_pos + 4 > m_text.size()) {
            return false;
        }
        *out = 0;
        for (int i = 0; i < 4; ++i) {
            const int v = hexValue(m_text[m_pos++]);
            if (v < 0) {
                return false;
            }
            *out = *out * 16 + static_cast<unsigned>(v);
        }
        return true;
    }

    static void appendUtf8(std::string* out, unsigned cp)
    {
        if (cp < 0x80) {
            out->push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    /** A string literal; unescaped into `out` unless it is null. */
    bool string(std::string* out)
    {
        if (!consume('"')) {
            return false;
        }
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') {
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return false;
            }
            if (c != '\\') {
                if (out) {
                    out->push_back(c);
                }
                continue;
            }
            if (m_pos >= m_text.size()) {
                return false;
            }
            const char e = m_text[m_pos++];
            char plain = 0;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                plain = e;
                break;
            case 'b':
                plain = '\b';
                break;
            case 'f':
                plain = '\f';
                break;
            case 'n':
                plain = '\n';
                break;
            case 'r':
                plain = '\r';
                break;
            case 't':
                plain = '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(&cp)) {
                    return false;
                }
                if (cp >= 0xD800 && cp < 0xDC00) {
                    unsigned low = 0;
                    if (!consume('\\') || !consume('u') || !hex4(&low) || low < 0xDC00
                        || low >= 0xE000) {
                        return false;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    return false;
                }
                if (out) {
                    appendUtf8(out, cp);
                }
                continue;
            }
            default:
                return false;
            }
            if (out) {
                out->push_back(plain);
            }
        }
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
            && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                || m_text[m_pos] == '\r')) {
            ++m_pos;
        }
    }

    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::optional<JsonFields> scanJsonObject(std::string_view text)
{
    return Scanner(text).object();
}

std::string jsonQuote(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

} // namespace kakanai::queue
