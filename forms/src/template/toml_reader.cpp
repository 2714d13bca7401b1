#include "template/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace kakanai::forms::detail {

std::optional<toml::table> parseToml(
    std::string_view text, const std::string& file, Diagnostics& out)
{
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        out.push_back({ file, static_cast<int>(begin.line), static_cast<int>(begin.column),
            "toml.syntax", std::string(error.description()) });
    } catch (const std::exception& error) {
        out.push_back({ file, 0, 0, "toml.syntax", error.what() });
    }
    return std::nullopt;
}

bool readFile(const std::filesystem::path& path, std::string& text, Diagnostics& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.push_back({ path.string(), 0, 0, "file.unreadable", "cannot open the file" });
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

SourceLocation locationOf(const toml::source_region& region, const std::string& file)
{
    return { file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column) };
}

bool isIdentifier(std::string_view id, bool allowDash)
{
    if (id.empty() || id[0] < 'a' || id[0] > 'z') {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
            || (allowDash && c == '-');
    });
}

TableReader::TableReader(
    const toml::table& table, const std::string& file, Diagnostics& out, std::string_view what)
    : m_table(table)
    , m_file(file)
    , m_out(out)
    , m_what(what)
{
}

const toml::node* TableReader::find(std::string_view key)
{
    if (std::find(m_seen.begin(), m_seen.end(), key) == m_seen.end()) {
        m_seen.emplace_back(key);
    }
    return m_table.get(key);
}

const toml::node* TableReader::node(std::string_view key)
{
    return find(key);
}

void TableReader::error(const toml::source_region& region, std::string id, std::string text)
{
    error(locationOf(region, m_file), std::move(id), std::move(text));
}

void TableReader::error(const SourceLocation& where, std::string id, std::string text)
{
    m_out.push_back({ m_file, where.line, where.column, std::move(id), std::move(text) });
}

void TableReader::errorAt(std::string_view key, std::string id, std::string text)
{
    const toml::node* n = m_table.get(key);
    error(n ? n->source() : m_table.source(), std::move(id), std::move(text));
}

void TableReader::wrongType(std::string_view key, std::string_view expected)
{
    errorAt(key, "template.wrong-type",
        "'" + std::string(key) + "' in " + m_what + " must be " + std::string(expected));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required)
{
    const toml::node* n = find(key);
    if (!n) {
        if (required) {
            error(m_table.source(), "template.missing-key",
                m_what + " has no '" + std::string(key) + "'");
        }
        return std::nullopt;
    }
    if (auto value = n->value<std::string>(); value && n->is_string()) {
        return value;
    }
    wrongType(key, "a string");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required)
{
    const toml::node* n = find(key);
    if (!n) {
        if (required) {
            error(m_table.source(), "template.missing-key",
                m_what + " has no '" + std::string(key) + "'");
        }
        return std::nullopt;
    }
    if (n->is_integer()) {
        return n->as_integer()->get();
    }
    wrongType(key, "an integer");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key)
{
    const toml::node* n = find(key);
    if (!n) {
        return std::nullopt;
    }
    if (n->is_boolean()) {
        return n->as_boolean()->get();
    }
    wrongType(key, "true or false");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, bool required)
{
    const toml::node* n = find(key);
    if (!n) {
        if (required) {
            error(m_table.source(), "template.missing-key",
                m_what + " has no '" + std::string(key) + "'");
        }
        return std::nullopt;
    }
    double value = 0;
    if (n->is_integer()) {
        value = static_cast<double>(n->as_integer()->get());
    } else if (n->is_floating_point()) {
        value = n->as_floating_point()->get();
    } else {
        wrongType(key, "a number");
        return std::nullopt;
    }
    if (!std::isfinite(value)) {
        wrongType(key, "a finite number");
        return std::nullopt;
    }
    return value;
}

std::optional<LocalizedText> TableReader::localized(std::string_view key, bool required)
{
    const toml::node* n = find(key);
    if (!n) {
        if (required) {
            error(m_table.source(), "template.missing-key",
                m_what + " has no '" + std::string(key) + "'");
        }
        return std::nullopt;
    }
    const toml::table* table = n->as_table();
    if (!table) {
        wrongType(key, "a table of languages, e.g. { ja = \"…\", en = \"…\" }");
        return std::nullopt;
    }
    LocalizedText text;
    for (auto&& [language, value] : *table) {
        if (!value.is_string()) {
            error(value.source(), "template.wrong-type",
                "text for language '" + std::string(language.str()) + "' must be a string");
            continue;
        }
        text.emplace(std::string(language.str()), value.as_string()->get());
    }
    return text;
}

const toml::table* TableReader::subtable(std::string_view key)
{
    const toml::node* n = find(key);
    if (n && !n->is_table()) {
        wrongType(key, "a table");
        return nullptr;
    }
    return n ? n->as_table() : nullptr;
}

const toml::array* TableReader::array(std::string_view key)
{
    const toml::node* n = find(key);
    if (n && !n->is_array()) {
        wrongType(key, "an array");
        return nullptr;
    }
    return n ? n->as_array() : nullptr;
}

void TableReader::reportUnknownKeys(std::initializer_list<std::string_view> alsoAllowed)
{
    for (auto&& [key, value] : m_table) {
        const std::string_view name = key.str();
        const bool known = std::find(m_seen.begin(), m_seen.end(), name) != m_seen.end()
            || std::find(alsoAllowed.begin(), alsoAllowed.end(), name) != alsoAllowed.end();
        if (!known) {
            error(key.source(), "template.unknown-key",
                "unknown key '" + std::string(name) + "' in " + m_what);
        }
    }
}

Expression TableReader::condition(std::string_view key, SourceLocation& whereOut)
{
    auto text = string(key);
    if (!text) {
        return {};
    }
    const toml::node* n = m_table.get(key);
    whereOut = locationOf(n->source(), m_file);
    auto parsed = parseExpression(*text);
    if (!parsed) {
        const auto& e = parsed.error();
        error(SourceLocation { m_file, whereOut.line, whereOut.column + e.column }, e.id,
            "in '" + std::string(key) + "': " + e.text);
        return {};
    }
    return std::move(parsed).value();
}

} // namespace kakanai::forms::detail
