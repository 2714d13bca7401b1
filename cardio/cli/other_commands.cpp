#include "cli.hpp"
#include "connection.hpp"

#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/jpki.hpp"
#include "kakanai/cardio/text_ap.hpp"

#include <iostream>
#include <sstream>

namespace kakanai::cardcli {

using namespace kakanai::cardio;

int runReaders(const Options&)
{
    auto context = PcscContext::establish();
    if (!context) {
        reportError(context.error());
        return exitCodeFor(context.error());
    }
    auto readers = (*context)->listReaders();
    if (!readers) {
        reportError(readers.error());
        return exitCodeFor(readers.error());
    }
    if (readers->empty()) {
        reportError(CardError::make(CardErrorCode::NoReader, "no reader connected"));
        return EXIT_NO_CARD;
    }
    std::ostringstream out;
    for (const auto& reader : *readers) {
        out << reader.name << "\t"
            << (reader.cardPresent ? (reader.cardInUse ? "card-in-use" : "card") : "empty");
        if (reader.cardPresent) {
            out << "\t" << toHex(reader.atr, false);
        }
        out << "\n";
    }
    std::cout << out.str();
    return EXIT_OK;
}

int runCert(const Options& options)
{
    CertificateType type;
    if (!parseCertificateType(options.certType, type)) {
        std::cerr << "kakanai-card: --type must be auth, sign, auth-ca or sign-ca\n" << usageText();
        return EXIT_USAGE;
    }
    SecureBytes password;
    if (type == CertificateType::Sign) {
        password = readSecret(options.passwordStdin, "署名用パスワード (6-16) password: ");
        if (password.empty()) {
            std::cerr << "kakanai-card: the signing certificate needs the signing password "
                         "(--password-stdin or a terminal)\n";
            return EXIT_USAGE;
        }
    }
    auto connection = openCard(options);
    if (!connection) {
        password.wipe();
        reportError(connection.error());
        return exitCodeFor(connection.error());
    }
    ApduChannel channel(*connection->card);
    channel.setTrace(traceSink(options));
    JpkiAp jpki(channel);
    auto der = jpki.readCertificate(
        type, type == CertificateType::Sign ? &password : nullptr, options.allowLastTry);
    password.wipe();
    if (!der) {
        reportError(der.error());
        return exitCodeFor(der.error());
    }
    std::ostringstream out;
    if (options.pem) {
        out << toPem(der->view());
    } else {
        std::string trust
            = options.trustDir.empty() ? std::string(KAKANAI_DEFAULT_TRUST_DIR) : options.trustDir;
        auto report = inspectCertificate(der->view(), trust);
        if (!report) {
            reportError(report.error());
            return exitCodeFor(report.error());
        }
        // The signing certificate's subject holds no personal data on JPKI cards, but its
        // SAN does: only the type of attributes is listed, never their values.
        out << "type:        " << certificateTypeName(type) << "\n"
            << "subject:     " << report->subject << "\n"
            << "issuer:      " << report->issuer << "\n"
            << "serial:      " << report->serialHex << "\n"
            << "valid from:  " << report->notBefore << "\n"
            << "valid until: " << report->notAfter << (report->expired ? " (EXPIRED)" : "") << "\n"
            << "days left:   " << report->daysUntilExpiry << "\n"
            << "chain:       "
            << (report->chainVerified ? "verified" : "NOT verified: " + report->chainError)
            << " (trust anchors: " << trust << ")\n";
        if (type == CertificateType::Sign) {
            auto attributes = decodeSignatureAttributes(der->view());
            if (attributes) {
                out << "attributes:  name, sex, birth date, address present; substituted "
                       "characters: "
                    << (attributes->anySubstituted() ? "YES (check the card face)" : "none")
                    << "\n";
                attributes->wipe();
            } else {
                out << "attributes:  " << attributes.error() << "\n";
            }
        }
    }
    std::cout << out.str();
    return EXIT_OK;
}

int runPinStatus(const Options& options)
{
    auto connection = openCard(options);
    if (!connection) {
        reportError(connection.error());
        return exitCodeFor(connection.error());
    }
    ApduChannel channel(*connection->card);
    channel.setTrace(traceSink(options));
    struct Row
    {
        const char* key;
        Result<PinStatus, CardError> status;
    };
    std::vector<Row> rows;
    TextAp text(channel, false);
    auto selected = text.select();
    if (selected) {
        rows.push_back({ "text_pin", text.pinStatus() });
    } else {
        rows.push_back({ "text_pin", selected.failure() });
    }
    JpkiAp jpki(channel);
    rows.push_back({ "auth_pin", jpki.authPinStatus() });
    rows.push_back({ "sign_password", jpki.signPasswordStatus() });

    std::ostringstream out;
    if (options.json) {
        out << "{";
    }
    bool first = true;
    for (auto& row : rows) {
        std::string value;
        if (!row.status) {
            if (row.status.error().code == CardErrorCode::CardRemoved
                || row.status.error().code == CardErrorCode::CommunicationFailed) {
                reportError(row.status.error());
                return exitCodeFor(row.status.error());
            }
            value = options.json
                ? "null"
                : std::string("unavailable (") + codeName(row.status.error().code) + ")";
        } else if (row.status->locked) {
            value = options.json ? "{\"tries_left\":0,\"locked\":true}" : "locked";
        } else {
            value = options.json
                ? "{\"tries_left\":" + std::to_string(row.status->triesLeft) + ",\"locked\":false}"
                : std::to_string(row.status->triesLeft) + " tries left";
        }
        if (options.json) {
            out << (first ? "" : ",") << "\"" << row.key << "\":" << value;
        } else {
            out << row.key << "\t" << value << "\n";
        }
        first = false;
    }
    if (options.json) {
        out << "}\n";
    }
    std::cout << out.str();
    return EXIT_OK;
}

} // namespace kakanai::cardcli
