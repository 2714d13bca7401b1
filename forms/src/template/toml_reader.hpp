// Internal: reading TOML tables while collecting diagnostics (wrong types, missing keys,
// unknown keys) instead of throwing. Shared by the template, kiosk and life-event loaders.
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/expression.hpp"
#include "kakanai/forms/template.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace kakanai::forms::detail {

/** Parses TOML text; on a syntax error adds toml.syntax and returns nullopt. Never throws. */
std::optional<toml::table> parseToml(
    std::string_view text, const std::string& file, Diagnostics& out);

/** Reads a whole file into `text`; adds file.unreadable on failure. */
bool readFile(const std::filesystem::path& path, std::string& text, Diagnostics& out);

SourceLocation locationOf(const toml::source_region& region, const std::string& file);

/** Wraps one table: typed getters that report problems, and a final unknown-key check. */
class TableReader
{
public:
    TableReader(
        const toml::table& table, const std::string& file, Diagnostics& out, std::string_view what);

    const toml::table& table() const { return m_table; }
    SourceLocation where() const { return locationOf(m_table.source(), m_file); }

    std::optional<std::string> string(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, bool required = false);
    std::optional<bool> boolean(std::string_view key);
    /** An integer or a float (12 or 12.5); not nan or inf. */
    std::optional<double> number(std::string_view key, bool required = false);
    /** A table of language → string, e.g. label = { ja = "…", en = "…" }. */
    std::optional<LocalizedText> localized(std::string_view key, bool required = false);
    const toml::table* subtable(std::string_view key);
    const toml::array* array(std::string_view key);
    /** The raw node (marks the key as known); nullptr if absent. */
    const toml::node* node(std::string_view key);

    /** Reports template.unknown-key for every key not read and not in `alsoAllowed`. */
    void reportUnknownKeys(std::initializer_list<std::string_view> alsoAllowed = {});

    void error(const toml::source_region& region, std::string id, std::string text);
    void error(const SourceLocation& where, std::string id, std::string text);
    void errorAt(std::string_view key, std::string id, std::string text);

    /** Parses a `when` string, reporting expr.* at the right column; empty if absent/bad. */
    Expression condition(std::string_view key, SourceLocation& whereOut);

    const std::string& file() const { return m_file; }
    Diagnostics& diagnostics() { return m_out; }

private:
    const toml::node* find(std::string_view key);
    void wrongType(std::string_view key, std::string_view expected);

    const toml::table& m_table;
    const std::string& m_file;
    Diagnostics& m_out;
    std::string m_what;
    std::vector<std::string> m_seen;
};

/** True if `id` matches [a-z][a-z0-9_]* (template ids, field keys, option values allow '-'). */
bool isIdentifier(std::string_view id, bool allowDash = false);

} // namespace kakanai::forms::detail
