#include "kakanai/vcard/identity.hpp"

#include <fstream>
#include <map>

namespace kakanai::vcard {

namespace {

struct PersonalityName
{
    Personality personality;
    const char* name;
};
constexpr PersonalityName PERSONALITIES[] = {
    { Personality::ContactA, "contact-a" },
    { Personality::ContactB, "contact-b" },
    { Personality::ContactC, "contact-c" },
    { Personality::Contactless, "contactless" },
    { Personality::PupiRandom, "pupi-random" },
    { Personality::AndroidPhone, "android-phone" },
    { Personality::JukiCard, "juki-card" },
};

std::string trim(const std::string& text)
{
    std::size_t begin = text.find_first_not_of(" \t\r");
    std::size_t end = text.find_last_not_of(" \t\r");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

bool allDigits(const std::string& text, std::size_t length)
{
    if (text.size() != length) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// Parses `value` of a flat TOML line: a basic string (with \" and \\ escapes) or a bare
// true/false/integer. Returns false for anything else.
bool parseValue(const std::string& raw, std::string& out)
{
    if (raw.size() >= 2 && raw.front() == '"') {
        out.clear();
        for (std::size_t i = 1; i < raw.size(); ++i) {
            char c = raw[i];
            if (c == '\\' && i + 1 < raw.size()) {
                out.push_back(raw[++i]);
            } else if (c == '"') {
                std::string rest = trim(raw.substr(i + 1));
                return rest.empty() || rest[0] == '#';
            } else {
                out.push_back(c);
            }
        }
        return false;
    }
    std::string bare = trim(raw.substr(0, raw.find('#')));
    if (bare.empty()) {
        return false;
    }
    out = bare;
    return true;
}

} // namespace

const char* personalityName(Personality p)
{
    for (const auto& entry : PERSONALITIES) {
        if (entry.personality == p) {
            return entry.name;
        }
    }
    return "unknown";
}

bool parsePersonality(const std::string& name, Personality& out)
{
    for (const auto& entry : PERSONALITIES) {
        if (name == entry.name) {
            out = entry.personality;
            return true;
        }
    }
    return false;
}

std::string Identity::collationB() const
{
    return birthDate.substr(2, 6) + cardExpiryYear + securityCode;
}

Result<Identity, std::string> loadIdentity(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in) {
        return fail(file.string() + ": cannot open");
    }
    std::map<std::string, std::string> values;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        std::string text = trim(line);
        if (text.empty() || text[0] == '#') {
            continue;
        }
        auto equals = text.find('=');
        std::string value;
        if (equals == std::string::npos || !parseValue(trim(text.substr(equals + 1)), value)) {
            return fail(
                file.string() + ":" + std::to_string(lineNumber) + ": expected key = value");
        }
        values[trim(text.substr(0, equals))] = value;
    }

    Identity identity;
    identity.id = file.stem().string();
    struct Field
    {
        const char* key;
        std::string* target;
        bool required;
    };
    Field fields[] = {
        { "name", &identity.name, true },
        { "address", &identity.address, true },
        { "birth_date", &identity.birthDate, true },
        { "sex", &identity.sex, true },
        { "my_number", &identity.myNumber, true },
        { "text_pin", &identity.textPin, true },
        { "auth_pin", &identity.authPin, true },
        { "sign_password", &identity.signPassword, true },
        { "card_expiry_year", &identity.cardExpiryYear, true },
        { "security_code", &identity.securityCode, true },
    };
    for (auto& field : fields) {
        auto it = values.find(field.key);
        if (it == values.end()) {
            return fail(file.string() + ": missing key " + field.key);
        }
        *field.target = it->second;
        values.erase(it);
    }
    for (auto [key, length] :
        { std::pair { "birth_date", 8u }, { "my_number", 12u }, { "text_pin", 4u },
            { "auth_pin", 4u }, { "card_expiry_year", 4u }, { "security_code", 4u } }) {
        for (auto& field : fields) {
            if (std::string(field.key) == key && !allDigits(*field.target, length)) {
                return fail(
                    file.string() + ": " + key + " must be " + std::to_string(length) + " digits");
            }
        }
    }
    if (identity.sex.size() != 1) {
        return fail(file.string() + ": sex must be one character");
    }
    if (auto it = values.find("long_form_length"); it != values.end()) {
        if (it->second != "true" && it->second != "false") {
            return fail(file.string() + ": long_form_length must be true or false");
        }
        identity.longFormLength = it->second == "true";
        values.erase(it);
    }
    if (auto it = values.find("personality"); it != values.end()) {
        if (!parsePersonality(it->second, identity.personality)) {
            return fail(file.string() + ": unknown personality " + it->second);
        }
        values.erase(it);
    }
    if (auto it = values.find("pki_dir"); it != values.end()) {
        std::filesystem::path dir = it->second;
        identity.pkiDir = dir.is_absolute() ? dir : file.parent_path() / dir;
        values.erase(it);
    } else {
        identity.pkiDir = file.parent_path() / "pki" / identity.id;
    }
    if (!values.empty()) {
        return fail(file.string() + ": unknown key " + values.begin()->first);
    }
    return identity;
}

} // namespace kakanai::vcard
