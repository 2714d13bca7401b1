#include "card_files.hpp"
#include "card_impl.hpp"

#include <openssl/pem.h>
#include <stdexcept>
#include <thread>

namespace kakanai::vcard {

namespace ef = cardio::mynumber;

SecureBytes statusOnly(std::uint16_t sw)
{
    return SecureBytes { static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw) };
}

std::optional<ParsedApdu> parseApdu(ByteView raw)
{
    if (raw.size() < 4) {
        return std::nullopt;
    }
    ParsedApdu apdu { raw[0], raw[1], raw[2], raw[3], {}, std::nullopt, false };
    ByteView body = raw.subspan(4);
    if (body.empty()) {
        return apdu; // case 1
    }
    if (body.size() == 1) { // case 2 short
        apdu.le = body[0] == 0 ? 256u : body[0];
        return apdu;
    }
    if (body[0] != 0) { // short Lc
        std::size_t lc = body[0];
        if (body.size() != 1 + lc && body.size() != 2 + lc) {
            return std::nullopt;
        }
        apdu.data = SecureBytes(body.subspan(1, lc));
        if (body.size() == 2 + lc) {
            apdu.le = body[1 + lc] == 0 ? 256u : body[1 + lc];
        }
        return apdu;
    }
    apdu.extended = true;
    if (body.size() == 3) { // case 2 extended
        std::uint32_t le = static_cast<std::uint32_t>(body[1] << 8 | body[2]);
        apdu.le = le == 0 ? 65536u : le;
        return apdu;
    }
    std::size_t lc = static_cast<std::size_t>(body[1] << 8 | body[2]);
    if (lc == 0 || (body.size() != 3 + lc && body.size() != 5 + lc)) {
        return std::nullopt;
    }
    apdu.data = SecureBytes(body.subspan(3, lc));
    if (body.size() == 5 + lc) {
        std::uint32_t le = static_cast<std::uint32_t>(body[3 + lc] << 8 | body[4 + lc]);
        apdu.le = le == 0 ? 65536u : le;
    }
    return apdu;
}

namespace {

ElementaryFile dataFile(Bytes content, std::vector<std::uint16_t> unlockedBy = {})
{
    ElementaryFile file;
    file.content = SecureBytes(ByteView(content));
    file.readUnlockedBy = std::move(unlockedBy);
    return file;
}

ElementaryFile pinFile(const std::string& value, int* persisted, int maxTries)
{
    ElementaryFile file;
    file.kind = ElementaryFile::Kind::Pin;
    file.pin.value = SecureBytes::fromString(value);
    file.pin.maxTries = maxTries;
    file.pin.local = maxTries;
    file.pin.remaining = persisted;
    return file;
}

EVP_PKEY* loadKey(const std::filesystem::path& path)
{
    FILE* f = std::fopen(path.c_str(), "r");
    if (f == nullptr) {
        throw std::runtime_error("emulator fixture missing: " + path.string());
    }
    EVP_PKEY* key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (key == nullptr) {
        throw std::runtime_error("emulator key unreadable: " + path.string());
    }
    return key;
}

} // namespace

void MyNumberCard::Impl::build()
{
    const Identity& id = identity;
    bool phone = id.personality == Personality::AndroidPhone;
    bool juki = id.personality == Personality::JukiCard;
    const char* label = phone ? ef::TOKEN_ANDROID
        : juki                ? ef::TOKEN_JUKI_CARD
                              : ef::TOKEN_MYNUMBER_CARD;

    DedicatedFile jpki { ef::JPKI_AID, {} };
    std::filesystem::path pki = id.pkiDir;
    jpki.files[ef::jpki_ef::SIGN_CERT]
        = dataFile(files::readFile(pki / "sign.der"), { ef::jpki_ef::SIGN_PIN });
    jpki.files[ef::jpki_ef::SIGN_CA_CERT]
        = dataFile(files::readFile(pki.parent_path() / "sign_ca.der"));
    jpki.files[ef::jpki_ef::TOKEN_INFO] = dataFile(files::tokenInfo(label));
    jpki.files[0x0008] = dataFile(Bytes { 0x8F, 0x8F, 0x00 });
    // On smartphone JPKI the auth certificate needs the auth PIN (mynumber-card.md §1.2).
    jpki.files[ef::jpki_ef::AUTH_CERT] = dataFile(files::readFile(pki / "auth.der"),
        phone ? std::vector<std::uint16_t> { ef::jpki_ef::AUTH_PIN }
              : std::vector<std::uint16_t> {});
    jpki.files[ef::jpki_ef::AUTH_CA_CERT]
        = dataFile(files::readFile(pki.parent_path() / "auth_ca.der"));
    jpki.files[ef::jpki_ef::AUTH_PIN]
        = pinFile(id.authPin, &counters.authPin, ef::AUTH_PIN_MAX_TRIES);
    jpki.files[ef::jpki_ef::SIGN_PIN]
        = pinFile(id.signPassword, &counters.signPassword, ef::SIGN_PASSWORD_MAX_TRIES);
    for (auto [fid, keyFile, pinEf] :
        { std::tuple { ef::jpki_ef::AUTH_KEY, "auth_key.pem", ef::jpki_ef::AUTH_PIN },
            std::tuple { ef::jpki_ef::SIGN_KEY, "sign_key.pem", ef::jpki_ef::SIGN_PIN } }) {
        keys.emplace_back(loadKey(pki / keyFile), &EVP_PKEY_free);
        ElementaryFile key;
        key.kind = ElementaryFile::Kind::Key;
        key.key = keys.back().get();
        key.keyPin = pinEf;
        jpki.files[fid] = std::move(key);
    }
    dfs.push_back(std::move(jpki));
    if (phone || juki) {
        return; // no 券面系 APs
    }

    Bytes number = files::myNumber(id, faults.badCheckDigit);
    Bytes info = files::basicInfo(id, faults.invalidUtf8, faults.truncatedBasicInfo);
    DedicatedFile text { ef::TEXT_AID, {} };
    text.files[ef::text_ef::MY_NUMBER]
        = dataFile(number, { ef::text_ef::PIN, ef::text_ef::COLLATION_A });
    text.files[ef::text_ef::BASIC_INFO]
        = dataFile(info, { ef::text_ef::PIN, ef::text_ef::COLLATION_B });
    text.files[0x0003] = dataFile(files::integrity(number, info), { ef::text_ef::PIN });
    text.files[0x0004] = dataFile(files::cvCertificate());
    text.files[0x0005] = dataFile(files::textApInfo(files::supportsExtendedLength(id.personality)));
    text.files[ef::text_ef::PIN] = pinFile(id.textPin, &counters.textPin, ef::TEXT_PIN_MAX_TRIES);
    // 照合番号A/B: the try limits are not public; 10 is our choice (card.hpp).
    text.files[ef::text_ef::COLLATION_A] = pinFile(id.myNumber, nullptr, 10);
    text.files[ef::text_ef::COLLATION_B] = pinFile(id.collationB(), &counters.collationB, 10);
    dfs.push_back(std::move(text));

    // 券面AP (§1.4): 0011 生年月日読出用暗証番号 (YYMMDD), 0012 照合番号B, 0013 照合番号A.
    DedicatedFile visual { ef::VISUAL_AID, {} };
    visual.files[0x0001] = dataFile(files::visualBirth(id), { 0x0011 });
    visual.files[0x0002] = dataFile(files::visualFace(id), { 0x0012, 0x0013 });
    visual.files[0x0003] = dataFile(Bytes { 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 });
    visual.files[0x0004] = dataFile(files::cvCertificate());
    visual.files[0x0005] = dataFile(files::visualMyNumberImage(), { 0x0013 });
    visual.files[0x0011] = pinFile(id.birthDate.substr(2), nullptr, 10);
    visual.files[0x0012] = pinFile(id.collationB(), nullptr, 10);
    visual.files[0x0013] = pinFile(id.myNumber, nullptr, 10);
    dfs.push_back(std::move(visual));

    // 住基AP (§1.5): record 1 of SFI 1, and the 住民基本台帳用暗証番号 (EF 001C). The identity
    // has no separate 住基 PIN: the text PIN stands in (統合パスワード).
    DedicatedFile jukiAp { ef::JUKI_AID, {} };
    ElementaryFile record = dataFile(files::jukiRecord());
    record.kind = ElementaryFile::Kind::Record;
    jukiAp.files[0x0001] = std::move(record);
    jukiAp.files[0x001C] = pinFile(id.textPin, nullptr, 3);
    dfs.push_back(std::move(jukiAp));
}

void MyNumberCard::Impl::clearSecurity()
{
    currentDf = nullptr;
    currentEf.reset();
    verified.clear();
    pendingResponse.wipe();
}

void MyNumberCard::Impl::persist()
{
    if (stateFile) {
        counters.save(*stateFile);
    }
}

MyNumberCard::MyNumberCard(
    Identity identity, Faults faults, std::optional<std::filesystem::path> stateFile)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->identity = std::move(identity);
    m_impl->faults = faults;
    m_impl->stateFile = std::move(stateFile);
    if (m_impl->stateFile) {
        m_impl->counters = PinCounters::load(*m_impl->stateFile);
    }
    m_impl->build();
    m_impl->currentAtr = files::atrFor(m_impl->identity.personality);
}

MyNumberCard::~MyNumberCard() = default;

Bytes MyNumberCard::atr() const
{
    return m_impl->currentAtr;
}

void MyNumberCard::powerOn()
{
    m_impl->clearSecurity();
    m_impl->currentAtr = files::atrFor(m_impl->identity.personality);
}

void MyNumberCard::reset()
{
    m_impl->clearSecurity();
}

bool MyNumberCard::removed() const
{
    return m_impl->removed;
}
std::size_t MyNumberCard::apduCount() const
{
    return m_impl->apduCount;
}
const PinCounters& MyNumberCard::counters() const
{
    return m_impl->counters;
}
const Identity& MyNumberCard::identity() const
{
    return m_impl->identity;
}
Faults& MyNumberCard::faults()
{
    return m_impl->faults;
}

SecureBytes MyNumberCard::process(ByteView command)
{
    Impl& s = *m_impl;
    std::size_t index = s.apduCount++;
    if (s.removed || (s.faults.removeAfterApdus && index >= *s.faults.removeAfterApdus)) {
        s.removed = true;
        return {};
    }
    if (s.faults.resetBeforeApdu && index == *s.faults.resetBeforeApdu) {
        s.clearSecurity();
    }
    if (s.faults.latency.count() > 0) {
        std::this_thread::sleep_for(s.faults.latency);
    }
    auto apdu = parseApdu(command);
    if (!apdu) {
        return statusOnly(0x6700);
    }
    if (apdu->extended && !files::supportsExtendedLength(s.identity.personality)) {
        return statusOnly(0x6700);
    }
    return s.dispatch(*apdu);
}

} // namespace kakanai::vcard
