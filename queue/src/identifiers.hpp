// Internal: the rules for the clear identifiers a record carries (checked by submit and by
// importSealed alike).
//
// Errors: none (predicates).
#pragma once

#include <cstddef>
#include <string>

namespace kakanai::queue::detail {

/** 8-4-4-4-12 hexadecimal digits with dashes (any version). */
bool isUuid(const std::string& id);

/** 1..maxSize characters of A-Z a-z 0-9 - _ . */
bool isName(const std::string& text, std::size_t maxSize);

} // namespace kakanai::queue::detail
