// Decoding the signing certificate's six subjectAltName otherName attributes (mynumber-card.md
// §3.6: OIDs 1.2.392.200149.8.5.5.1–6, each a UTF8String inside an explicit [0]).
//
// The values are personal data: they go straight into SecureStrings, and no error message
// ever quotes them (only the OID of the offending attribute).
#include "kakanai/cardio/basic_info.hpp"
#include "kakanai/cardio/jpki.hpp"
#include "openssl_util.hpp"

#include <array>
#include <cstring>
#include <openssl/objects.h>

namespace kakanai::cardio {

namespace {

constexpr std::size_t ATTRIBUTE_COUNT = 6;

constexpr std::array<const char*, ATTRIBUTE_COUNT> OIDS = {
    "1.2.392.200149.8.5.5.1", // 氏名
    "1.2.392.200149.8.5.5.2", // 氏名代替文字の使用位置情報
    "1.2.392.200149.8.5.5.3", // 性別
    "1.2.392.200149.8.5.5.4", // 生年月日 (era digit + YYYYMMDD)
    "1.2.392.200149.8.5.5.5", // 住所
    "1.2.392.200149.8.5.5.6", // 住所代替文字の使用位置情報
};

std::string_view view(const SecureString& s)
{
    return std::string_view(s.data(), s.size());
}

bool onlyFlags(const SecureString& s)
{
    for (char c : s) {
        if (c != '0' && c != '1') {
            return false;
        }
    }
    return true;
}

// Shape only: 9 ASCII digits, era digit 0 (unknown) … 5 (令和). Whether the date is a real
// one in that era is left to parseCertificateBirthDate, so that an odd date on a real card
// (e.g. an unknown month of a foreign resident) does not hide the other attributes.
bool isBirthDateShape(std::string_view text)
{
    if (text.size() != 9 || text[0] < '0' || text[0] > '5') {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// Index into OIDS, or -1. The length check matters: OBJ_obj2txt truncates long OIDs, and a
// truncated text must not pass for one of ours.
int attributeIndex(const ASN1_OBJECT* typeId)
{
    char text[64];
    int length = OBJ_obj2txt(text, sizeof text, typeId, 1);
    if (length <= 0 || static_cast<std::size_t>(length) >= sizeof text) {
        return -1;
    }
    for (std::size_t k = 0; k < ATTRIBUTE_COUNT; ++k) {
        if (std::strcmp(text, OIDS[k]) == 0) {
            return static_cast<int>(k);
        }
    }
    return -1;
}

Result<SignatureAttributes, std::string> failWiped(
    SignatureAttributes& attributes, std::string message)
{
    attributes.wipe();
    return fail(std::move(message));
}

} // namespace

bool SignatureAttributes::anySubstituted() const
{
    return nameSubstitutions.find('1') != SecureString::npos
        || addressSubstitutions.find('1') != SecureString::npos;
}

void SignatureAttributes::wipe()
{
    for (SecureString* s :
        { &name, &nameSubstitutions, &sex, &birthDate, &address, &addressSubstitutions }) {
        // capacity(), not size(): earlier longer contents may still sit behind the end.
        secureZero(s->data(), s->capacity());
        s->clear();
    }
}

Result<SignatureAttributes, std::string> decodeSignatureAttributes(ByteView certificateDer)
{
    auto cert = ossl::parseDer(certificateDer.data(), certificateDer.size());
    if (!cert) {
        return fail(std::string("not a DER X.509 certificate"));
    }
    int critical = 0;
    ossl::GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, &critical, nullptr)));
    if (!names) {
        ERR_clear_error();
        if (critical == -1) {
            return fail(std::string("the certificate has no subjectAltName (not a signing "
                                    "certificate?)"));
        }
        return fail(critical == -2 ? std::string("the certificate has two subjectAltNames")
                                   : std::string("the subjectAltName does not parse"));
    }

    SignatureAttributes attributes;
    const std::array<SecureString*, ATTRIBUTE_COUNT> targets
        = { &attributes.name, &attributes.nameSubstitutions, &attributes.sex, &attributes.birthDate,
              &attributes.address, &attributes.addressSubstitutions };
    std::array<bool, ATTRIBUTE_COUNT> found {};
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* entry = sk_GENERAL_NAME_value(names.get(), i);
        if (entry == nullptr || entry->type != GEN_OTHERNAME || entry->d.otherName == nullptr) {
            continue;
        }
        int k = attributeIndex(entry->d.otherName->type_id);
        if (k < 0) {
            continue; // other otherNames are not ours to judge
        }
        const char* oid = OIDS[static_cast<std::size_t>(k)];
        if (found[static_cast<std::size_t>(k)]) {
            // Two values for one attribute: which one would the card face show? Refuse.
            return failWiped(attributes, std::string("attribute ") + oid + " appears twice");
        }
        // OpenSSL has already removed the explicit [0]: `value` is the inner element.
        const ASN1_TYPE* value = entry->d.otherName->value;
        if (value == nullptr || value->type != V_ASN1_UTF8STRING
            || value->value.utf8string == nullptr) {
            return failWiped(attributes, std::string("attribute ") + oid + " is not a UTF8String");
        }
        const ASN1_STRING* text = value->value.utf8string;
        ByteView bytes(
            ASN1_STRING_get0_data(text), static_cast<std::size_t>(ASN1_STRING_length(text)));
        if (!isValidUtf8(bytes)) {
            return failWiped(attributes, std::string("attribute ") + oid + " is not valid UTF-8");
        }
        assignSecure(*targets[static_cast<std::size_t>(k)], asText(bytes));
        found[static_cast<std::size_t>(k)] = true;
    }
    for (std::size_t k = 0; k < ATTRIBUTE_COUNT; ++k) {
        if (!found[k]) {
            return failWiped(attributes, std::string("missing attribute ") + OIDS[k]);
        }
    }

    auto sex = view(attributes.sex);
    if (sex != "1" && sex != "2" && sex != "3") {
        return failWiped(
            attributes, "attribute " + std::string(OIDS[2]) + " (sex) is not 1, 2 or 3");
    }
    if (!isBirthDateShape(view(attributes.birthDate))) {
        return failWiped(attributes,
            "attribute " + std::string(OIDS[3])
                + " (birth date) is not an era digit 0-5 followed by YYYYMMDD");
    }
    if (!onlyFlags(attributes.nameSubstitutions) || !onlyFlags(attributes.addressSubstitutions)) {
        return failWiped(attributes, "substitution position attributes may hold only 0 and 1");
    }
    return attributes;
}

} // namespace kakanai::cardio
