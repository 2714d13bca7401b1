// Loading config/identities/*.toml: a flat TOML subset (basic strings with escapes, integers,
// booleans, comments). Every value is checked, so a typo in a fixture fails loudly instead of
// producing a card that silently differs from what the test expects.
#include "kakanai/vcard/identity.hpp"

#include <fstream>
#include <map>
#include <optional>

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

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | cp >> 6));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | cp >> 12));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | cp >> 18));
        out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// A TOML basic string starting at raw[0] == '"'. Escapes: \" \\ \n \t \r \uXXXX \UXXXXXXXX
// (the fixtures use \U000E0100 for an invisible variation selector). Only a comment may follow.
std::optional<std::string> parseString(const std::string& raw)
{
    std::string out;
    for (std::size_t i = 1; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '"') {
            std::string rest = trim(raw.substr(i + 1));
            if (!rest.empty() && rest[0] != '#') {
                return std::nullopt;
            }
            return out;
        }
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i >= raw.size()) {
            return std::nullopt;
        }
        switch (raw[i]) {
        case '"':
        case '\\':
            out.push_back(raw[i]);
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 'u':
        case 'U': {
            std::size_t digits = raw[i] == 'u' ? 4 : 8;
            if (i + digits >= raw.size()) {
                return std::nullopt;
            }
            std::uint32_t cp = 0;
            for (std::size_t k = 1; k <= digits; ++k) {
                char h = raw[i + k];
                int v = h >= '0' && h <= '9' ? h - '0'
                    : h >= 'a' && h <= 'f'   ? h - 'a' + 10
                    : h >= 'A' && h <= 'F'   ? h - 'A' + 10
                                             : -1;
                if (v < 0) {
                    return std::nullopt;
                }
                cp = cp << 4 | static_cast<std::uint32_t>(v);
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return std::nullopt;
            }
            appendUtf8(out, cp);
            i += digits;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return std::nullopt; // no closing quote
}

struct Value
{
    std::string text;
    bool quoted = false;
    int line = 0;
};

std::optional<Value> parseValue(const std::string& raw, int line)
{
    if (!raw.empty() && raw.front() == '"') {
        auto text = parseString(raw);
        if (!text) {
            return std::nullopt;
        }
        return Value { *text, true, line };
    }
    std::string bare = trim(raw.substr(0, raw.find('#')));
    if (bare.empty() || bare.find_first_of(" \t\"") != std::string::npos) {
        return std::nullopt;
    }
    return Value { bare, false, line };
}

// 総務省令第八十五号 第五条 (mynumber-card.md §3.5): weights 2..7,2..6 from the right.
bool myNumberCheckDigitOk(const std::string& digits)
{
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        int p = digits[static_cast<std::size_t>(11 - n)] - '0';
        int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    int r = sum % 11;
    int check = r <= 1 ? 0 : 11 - r;
    return digits[11] - '0' == check;
}

// 署名用パスワード: 6–16 of A–Z0–9 with at least one letter and one digit (§2.7).
bool signPasswordOk(const std::string& text)
{
    if (text.size() < 6 || text.size() > 16) {
        return false;
    }
    bool letter = false, digit = false;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') {
            letter = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else {
            return false;
        }
    }
    return letter && digit;
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
    const std::string where = file.string();
    std::ifstream in(file);
    if (!in) {
        return fail(where + ": cannot open");
    }
    std::map<std::string, Value> values;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        std::string text = trim(line);
        if (text.empty() || text[0] == '#') {
            continue;
        }
        auto equals = text.find('=');
        std::string key
            = equals == std::string::npos ? std::string() : trim(text.substr(0, equals));
        auto value
            = key.empty() ? std::nullopt : parseValue(trim(text.substr(equals + 1)), lineNumber);
        if (!value) {
            return fail(where + ":" + std::to_string(lineNumber) + ": expected key = value");
        }
        if (values.count(key) > 0) {
            return fail(where + ":" + std::to_string(lineNumber) + ": duplicate key " + key);
        }
        values[key] = *value;
    }
    auto at = [&](const std::string& key) {
        auto it = values.find(key);
        return where + ":" + std::to_string(it == values.end() ? 0 : it->second.line) + ": " + key;
    };

    Identity identity;
    identity.id = file.stem().string();
    struct Field
    {
        const char* key;
        std::string* target;
    };
    const Field strings[] = {
        { "name", &identity.name },
        { "address", &identity.address },
        { "birth_date", &identity.birthDate },
        { "sex", &identity.sex },
        { "my_number", &identity.myNumber },
        { "text_pin", &identity.textPin },
        { "auth_pin", &identity.authPin },
        { "sign_password", &identity.signPassword },
        { "card_expiry_year", &identity.cardExpiryYear },
        { "security_code", &identity.securityCode },
    };
    for (const Field& field : strings) {
        auto it = values.find(field.key);
        if (it == values.end()) {
            return fail(where + ": missing key " + field.key);
        }
        if (!it->second.quoted) {
            return fail(at(field.key) + " must be a quoted string");
        }
        *field.target = it->second.text;
    }
    for (auto [key, length] :
        { std::pair { "birth_date", 8u }, { "my_number", 12u }, { "text_pin", 4u },
            { "auth_pin", 4u }, { "card_expiry_year", 4u }, { "security_code", 4u } }) {
        if (!allDigits(values[key].text, length)) {
            return fail(at(key) + " must be " + std::to_string(length) + " digits");
        }
    }
    if (!myNumberCheckDigitOk(identity.myNumber)) {
        return fail(at("my_number") + " has a wrong check digit");
    }
    if (identity.sex != "0" && identity.sex != "1" && identity.sex != "2" && identity.sex != "9") {
        return fail(at("sex") + " must be \"0\", \"1\", \"2\" or \"9\"");
    }
    if (!signPasswordOk(identity.signPassword)) {
        return fail(at("sign_password") + " must be 6-16 of A-Z0-9 with a letter and a digit");
    }
    if (identity.name.empty() || identity.address.empty()) {
        return fail(where + ": name and address must not be empty");
    }
    if (auto it = values.find("long_form_length"); it != values.end()) {
        if (it->second.quoted || (it->second.text != "true" && it->second.text != "false")) {
            return fail(at("long_form_length") + " must be true or false");
        }
        identity.longFormLength = it->second.text == "true";
    }
    if (auto it = values.find("personality"); it != values.end()) {
        if (!parsePersonality(it->second.text, identity.personality)) {
            return fail(at("personality") + ": unknown personality " + it->second.text);
        }
    }
    if (auto it = values.find("pki_dir"); it != values.end()) {
        std::filesystem::path dir = it->second.text;
        identity.pkiDir = dir.is_absolute() ? dir : file.parent_path() / dir;
    } else {
        identity.pkiDir = file.parent_path() / "pki" / identity.id;
    }
    static const char* const KNOWN[] = { "name", "address", "birth_date", "sex", "my_number",
        "text_pin", "auth_pin", "sign_password", "card_expiry_year", "security_code",
        "long_form_length", "personality", "pki_dir" };
    for (const auto& [key, value] : values) {
        bool known = false;
        for (const char* k : KNOWN) {
            known = known || key == k;
        }
        if (!known) {
            return fail(where + ":" + std::to_string(value.line) + ": unknown key " + key);
        }
    }
    return identity;
}

} // namespace kakanai::vcard
