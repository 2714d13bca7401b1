#include "kakanai/forms/validate.hpp"

#include "kakanai/forms/formats.hpp"
#include "kakanai/forms/kana.hpp"
#include "kakanai/forms/wareki.hpp"
#include "text/unicode.hpp"

#include <unicode/regex.h>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace kakanai::forms {

namespace {

// Compiling an ICU pattern costs far more than matching it; templates reuse a handful.
const icu::RegexPattern* compiledPattern(const std::string& pattern)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, std::unique_ptr<icu::RegexPattern>> cache;
    const std::lock_guard lock(mutex);
    auto& slot = cache[pattern];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parseError {};
        slot.reset(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(pattern), 0, parseError, status));
        if (U_FAILURE(status)) {
            slot.reset();
        }
    }
    return slot.get();
}

bool matchesWhole(const std::string& pattern, const std::string& value)
{
    const icu::RegexPattern* compiled = compiledPattern(pattern);
    if (!compiled) {
        return true; // the linter reports a bad pattern; never block a resident on it
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(value);
    std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
    if (U_FAILURE(status)) {
        return true;
    }
    return matcher->matches(status) && U_SUCCESS(status);
}

// Text a person could have typed: well-formed UTF-8 without control characters (tab and
// newline included: no form field is multi-line).
bool isCleanText(const std::string& value, std::size_t& codePoints)
{
    const auto decoded = text::decodeUtf8(value);
    if (!decoded) {
        return false;
    }
    for (const char32_t c : *decoded) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return false;
        }
    }
    codePoints = decoded->size();
    return true;
}

class Checker
{
public:
    Checker(const Field& field, const FilledValue& value, ValidationIssues& out)
        : m_field(field)
        , m_value(value)
        , m_out(out)
    {
    }

    void report(std::string messageId, std::map<std::string, std::string, std::less<>> params = {})
    {
        ValidationIssue issue;
        issue.field = m_field.key;
        issue.messageId = std::move(messageId);
        issue.origin = m_value.origin;
        issue.forStaff
            = m_value.origin == ValueOrigin::Card || m_value.origin == ValueOrigin::Derived;
        issue.severity = issue.forStaff ? Severity::Warn : Severity::Stop;
        issue.params = std::move(params);
        m_out.push_back(std::move(issue));
    }

    void check()
    {
        switch (m_field.type) {
        case FieldType::MultiChoice:
            return checkMultiChoice();
        case FieldType::Integer:
            return checkInteger();
        case FieldType::YesNo:
            if (!std::holds_alternative<bool>(m_value.value)) {
                report("field.wrong-type");
            }
            return;
        default:
            break;
        }
        const auto* text = std::get_if<std::string>(&m_value.value);
        if (!text) {
            report("field.wrong-type");
            return;
        }
        std::size_t length = 0;
        if (!isCleanText(*text, length)) {
            report("field.invalid-text");
            return;
        }
        if (!checkTypedText(*text)) {
            return;
        }
        checkLengthAndPattern(*text, length);
    }

private:
    // The per-type format of a string value; false stops further checks of the field.
    bool checkTypedText(const std::string& text)
    {
        switch (m_field.type) {
        case FieldType::Katakana:
            if (!isKatakanaText(text)) {
                report("katakana.invalid");
                return false;
            }
            return true;
        case FieldType::Date:
            return checkDate(text);
        case FieldType::Choice:
            if (!m_field.findOption(text)) {
                report("choice.unknown-option");
                return false;
            }
            return true;
        case FieldType::PostalCode:
            if (!parsePostalCode(text)) {
                report("postal.malformed");
                return false;
            }
            return true;
        case FieldType::Phone:
            return checkPhone(text);
        case FieldType::MyNumber:
            return checkMyNumber(text);
        default:
            return true;
        }
    }

    bool checkDate(const std::string& text)
    {
        const auto parsed = parseDateInput(text);
        if (parsed) {
            return true;
        }
        using Kind = DateParseError::Kind;
        switch (parsed.error().kind) {
        case Kind::Empty:
        case Kind::Malformed:
            report("date.malformed");
            break;
        case Kind::UnknownEra:
            report("date.unknown-era");
            break;
        case Kind::OutsideEra:
            report("date.outside-era");
            break;
        case Kind::NotARealDate:
            report("date.not-a-real-date");
            break;
        case Kind::OutOfSupportedRange:
            report("date.out-of-range");
            break;
        }
        return false;
    }

    bool checkPhone(const std::string& text)
    {
        const auto parsed = parsePhoneNumber(text);
        if (parsed) {
            return true;
        }
        using Kind = FieldFormatError::Kind;
        const Kind kind = parsed.error().kind;
        report(kind == Kind::WrongLength      ? "phone.wrong-length"
                : kind == Kind::UnknownPrefix ? "phone.unknown-prefix"
                                              : "phone.malformed");
        return false;
    }

    bool checkMyNumber(const std::string& text)
    {
        const auto parsed = parseMyNumber(text);
        if (parsed) {
            return true;
        }
        using Kind = FieldFormatError::Kind;
        const Kind kind = parsed.error().kind;
        report(kind == Kind::WrongLength           ? "my_number.wrong-length"
                : kind == Kind::CheckDigitMismatch ? "my_number.check-digit"
                                                   : "my_number.malformed");
        return false;
    }

    void checkLengthAndPattern(const std::string& text, std::size_t length)
    {
        const Validation& rules = m_field.validation;
        const auto count = static_cast<std::int64_t>(length);
        if (rules.minLength && count < *rules.minLength) {
            report("field.too-short", { { "min", std::to_string(*rules.minLength) } });
        } else if (rules.maxLength && count > *rules.maxLength) {
            report("field.too-long", { { "max", std::to_string(*rules.maxLength) } });
        } else if (rules.pattern && !matchesWhole(*rules.pattern, text)) {
            report("field.pattern");
        }
    }

    void checkInteger()
    {
        const auto* number = std::get_if<std::int64_t>(&m_value.value);
        if (!number) {
            report("field.wrong-type");
            return;
        }
        const Validation& rules = m_field.validation;
        if (rules.min && *number < *rules.min) {
            report("integer.below-min", { { "min", std::to_string(*rules.min) } });
        } else if (rules.max && *number > *rules.max) {
            report("integer.above-max", { { "max", std::to_string(*rules.max) } });
        }
    }

    void checkMultiChoice()
    {
        const auto* chosen = std::get_if<std::vector<std::string>>(&m_value.value);
        if (!chosen) {
            report("field.wrong-type");
            return;
        }
        for (std::size_t i = 0; i < chosen->size(); ++i) {
            const std::string& value = (*chosen)[i];
            bool repeated = false;
            for (std::size_t j = 0; j < i; ++j) {
                repeated = repeated || (*chosen)[j] == value;
            }
            if (repeated || !m_field.findOption(value)) {
                report("choice.unknown-option");
                return;
            }
        }
        const Validation& rules = m_field.validation;
        const auto count = static_cast<std::int64_t>(chosen->size());
        if (rules.min && count < *rules.min) {
            report("choice.too-few", { { "min", std::to_string(*rules.min) } });
        } else if (rules.max && count > *rules.max) {
            report("choice.too-many", { { "max", std::to_string(*rules.max) } });
        }
    }

    const Field& m_field;
    const FilledValue& m_value;
    ValidationIssues& m_out;
};

} // namespace

std::vector<const Field*> visibleFields(const FormTemplate& form, const FilledForm& filled)
{
    const ValueMap values = filled.valueMap();
    std::vector<const Field*> visible;
    visible.reserve(form.fields.size());
    for (const Field& field : form.fields) {
        if (field.when.evaluate(values)) {
            visible.push_back(&field);
        }
    }
    return visible;
}

FilledForm visibleValues(const FormTemplate& form, const FilledForm& filled)
{
    FilledForm out = filled;
    out.values.clear();
    for (const Field* field : visibleFields(form, filled)) {
        if (const FilledValue* value = filled.find(field->key)) {
            out.values.emplace(field->key, *value);
        }
    }
    return out;
}

ValidationIssues validate(const FormTemplate& form, const FilledForm& filled)
{
    ValidationIssues issues;
    const ValueMap values = filled.valueMap();
    for (const Field& field : form.fields) {
        if (!field.when.evaluate(values)) {
            continue;
        }
        const FilledValue* value = filled.find(field.key);
        if (!value || !isAnswered(value->value)) {
            if (field.required) {
                ValidationIssue issue;
                issue.field = field.key;
                issue.messageId = "field.required";
                issue.origin = value ? value->origin : ValueOrigin::Resident;
                issues.push_back(std::move(issue));
            }
            continue;
        }
        Checker(field, *value, issues).check();
    }
    for (const Rule& rule : form.rules) {
        if (rule.when.empty() || !rule.when.evaluate(values)) {
            continue;
        }
        ValidationIssue issue;
        issue.rule = rule.id;
        issue.messageId = "rule." + rule.id;
        issue.severity = rule.severity;
        issues.push_back(std::move(issue));
    }
    return issues;
}

bool canSubmit(const ValidationIssues& issues)
{
    for (const auto& issue : issues) {
        if (issue.severity == Severity::Stop) {
            return false;
        }
    }
    return true;
}

} // namespace kakanai::forms
