#include "cli.hpp"

#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace kakanai::cardcli {

using cardio::CardErrorCode;

int exitCodeFor(const cardio::CardError& error)
{
    switch (error.code) {
    case CardErrorCode::WrongPin:
        return EXIT_WRONG_PIN;
    case CardErrorCode::PinLocked:
    case CardErrorCode::LastTryRefused:
        return EXIT_PIN_LOCKED;
    case CardErrorCode::NotMyNumberCard:
    case CardErrorCode::JukiCard:
    case CardErrorCode::SmartphoneJpki:
    case CardErrorCode::MalformedData:
    case CardErrorCode::CertificateInvalid:
        return EXIT_NOT_MY_NUMBER;
    case CardErrorCode::ServiceUnavailable:
    case CardErrorCode::NoReader:
    case CardErrorCode::NoCard:
        return EXIT_NO_CARD;
    case CardErrorCode::InvalidPinFormat:
        return EXIT_USAGE;
    default:
        return EXIT_CARD_REMOVED;
    }
}

void reportError(const cardio::CardError& error)
{
    std::cerr << "kakanai-card: " << cardio::residentMessageJa(error) << "\n"
              << "kakanai-card: " << cardio::residentMessageEn(error) << "\n"
              << "kakanai-card: [" << cardio::describe(error) << "]\n";
}

SecureBytes readSecret(bool fromStdin, const char* prompt)
{
    SecureBytes secret;
    bool terminal = isatty(STDIN_FILENO) != 0;
    if (!fromStdin && !terminal) {
        return secret;
    }
    termios saved {};
    bool echoOff = false;
    if (!fromStdin && terminal) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
            echoOff = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    // Read byte by byte into the zeroing buffer: std::getline would leave copies in a string.
    secret.reserve(64);
    for (;;) {
        int c = std::fgetc(stdin);
        if (c == EOF || c == '\n') {
            break;
        }
        if (c != '\r' && secret.size() < 64) {
            secret.push_back(static_cast<std::uint8_t>(c));
        }
    }
    if (echoOff) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    return secret;
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

} // namespace kakanai::cardcli
