// Diagnostics: one problem found in a configuration file (template, kiosk.toml,
// life-events.toml), with its location. Loaders and the linter collect every problem into a
// std::vector<Diagnostic> and never throw.
//
// Errors: this header only defines data; nothing here fails.
#pragma once

#include <string>
#include <vector>

namespace kakanai::forms {

/** Where something was written: file as given to the loader, 1-based line and column. */
struct SourceLocation
{
    std::string file;
    int line = 0;
    int column = 0;
};

struct Diagnostic
{
    std::string file;
    int line = 0; // 1-based; 0 when the problem has no position (e.g. a file that cannot be read)
    int column = 0;
    std::string id; // stable message id, e.g. "template.unknown-field-type"
    std::string text; // English explanation for IT staff

    /** "file:line:column: text [id]" (the position is omitted when line is 0). */
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace kakanai::forms
