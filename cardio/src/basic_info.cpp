#include "kakanai/cardio/basic_info.hpp"

#include "kakanai/cardio/era.hpp"
#include "kakanai/cardio/tlv.hpp"

namespace kakanai::cardio {

const char* sexName(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return "male";
    case Sex::Female:
        return "female";
    case Sex::NotApplicable:
        return "not_applicable";
    case Sex::Unknown:
        return "unknown";
    }
    return "unknown";
}

void BasicInfo::wipe()
{
    for (SecureString* s : { &name, &address, &birthDate }) {
        secureZero(s->data(), s->capacity());
        s->clear();
    }
    sex = Sex::Unknown;
    problems.clear();
}

bool isValidUtf8(ByteView text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        std::uint8_t b = text[i];
        std::size_t extra;
        std::uint32_t cp;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            extra = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (text.size() - i <= extra) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            std::uint8_t c = text[i + k];
            if ((c & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (c & 0x3F);
        }
        static constexpr std::uint32_t MIN_FOR_LENGTH[] = { 0, 0x80, 0x800, 0x10000 };
        if (cp < MIN_FOR_LENGTH[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

namespace {

CardError malformed(const std::string& what)
{
    return CardError::make(CardErrorCode::MalformedData, "basic 4 information: " + what);
}

void assignText(SecureString& target, ByteView value)
{
    assignSecure(target, asText(value));
}

} // namespace

Result<BasicInfo, CardError> parseBasicInfo(ByteView file)
{
    auto outer = parseTlv(file);
    if (!outer) {
        return fail(malformed(tlvErrorName(outer.error())));
    }
    if (outer->tag() != 0xFF20) {
        return fail(malformed("expected tag FF20"));
    }
    // The DF21 offsets are redundant with the TLV structure; parse by TLV (lengths come in both
    // short and 82 forms in the field, so fixed positions would be wrong on half the cards).
    static constexpr std::uint32_t TAGS[] = { 0xDF21, 0xDF22, 0xDF23, 0xDF24, 0xDF25 };
    ByteView values[5];
    bool found[5] = {};
    TlvReader reader(outer->value);
    for (;;) {
        auto item = reader.next();
        if (!item) {
            return fail(malformed(tlvErrorName(item.error())));
        }
        if (!item->has_value()) {
            break;
        }
        for (int k = 0; k < 5; ++k) {
            if ((*item)->tag() == TAGS[k] && !found[k]) {
                found[k] = true;
                values[k] = (*item)->value;
            }
        }
    }
    for (int k = 1; k < 5; ++k) {
        if (!found[k]) {
            return fail(malformed("missing field DF2" + std::to_string(k + 1)));
        }
    }

    BasicInfo info;
    if (isValidUtf8(values[1]) && !values[1].empty()) {
        assignText(info.name, values[1]);
    } else {
        info.problems.push_back("name");
    }
    if (isValidUtf8(values[2]) && !values[2].empty()) {
        assignText(info.address, values[2]);
    } else {
        info.problems.push_back("address");
    }
    if (parseYyyymmdd(asText(values[3]))) {
        assignText(info.birthDate, values[3]);
    } else {
        info.problems.push_back("birth_date");
    }
    if (values[4].size() == 1 && values[4][0] == '1') {
        info.sex = Sex::Male;
    } else if (values[4].size() == 1 && values[4][0] == '2') {
        info.sex = Sex::Female;
    } else if (values[4].size() == 1 && values[4][0] == '9') {
        info.sex = Sex::NotApplicable;
    } else {
        info.problems.push_back("sex");
    }
    return info;
}

} // namespace kakanai::cardio
