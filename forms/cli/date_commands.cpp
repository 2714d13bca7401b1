#include "cli.hpp"

#include "kakanai/forms/wareki.hpp"

#include <iostream>

namespace kakanai::formscli {

namespace {

// The same words for both commands: which kind of problem, never the text typed.
std::string describe(const forms::DateParseError& error)
{
    using Kind = forms::DateParseError::Kind;
    switch (error.kind) {
    case Kind::Empty:
        return "empty date";
    case Kind::Malformed:
        return "not a date layout kakanai-forms reads (try 2025-04-01, R7.4.1 or 令和7年4月1日)";
    case Kind::UnknownEra:
        return "unknown era (M, T, S, H, R or 明治, 大正, 昭和, 平成, 令和)";
    case Kind::OutsideEra:
        return "the era did not include that date";
    case Kind::NotARealDate:
        return "no such calendar day";
    case Kind::OutOfSupportedRange:
        return "outside the supported range 1873-01-01 .. 2100-12-31";
    }
    return "invalid date";
}

Result<forms::Date, int> singleDate(const Args& args, const char* command)
{
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-' && args[0][1] == '-')) {
        return fail(usageError(std::string(command) + " takes exactly one date"));
    }
    auto date = forms::parseDateInput(args[0]);
    if (!date) {
        return fail(inputError(describe(date.error())));
    }
    return *date;
}

} // namespace

int runWareki(const Args& args)
{
    auto date = singleDate(args, "wareki");
    if (!date) {
        return date.error();
    }
    std::cout << forms::formatWareki(*date).value_or("") << "\n";
    return 0;
}

int runSeireki(const Args& args)
{
    auto date = singleDate(args, "seireki");
    if (!date) {
        return date.error();
    }
    std::cout << forms::isoDate(*date) << "\n";
    return 0;
}

} // namespace kakanai::formscli
