// Internal: static checks of a parsed condition — unknown references, comparisons with values
// that are not options, and whether the condition can ever be true.
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/expression.hpp"
#include "kakanai/forms/template.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kakanai::forms::detail {

/** What a reference in a condition names. */
struct ReferenceInfo
{
    enum class Kind
    {
        Unknown,
        Field, // a template field (type and options in `field`)
        Boolean, // a life-event question or another yes/no answer
        Integer, // card.age
        String, // card.name, today, ...
    } kind
        = Kind::Unknown;
    const Field* field = nullptr;
};

using ReferenceResolver = std::function<ReferenceInfo(std::string_view name)>;

/**
 * Checks `condition` (written at `where`, columns inside the string) and appends diagnostics.
 * Returns false if the condition can never be true.
 */
bool checkCondition(const Expression& condition, const SourceLocation& where,
    const ReferenceResolver& resolve, std::string_view context, Diagnostics& out);

} // namespace kakanai::forms::detail
