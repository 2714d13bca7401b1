// kakanai-card: the command-line contract scripts and staff rely on. Thin: parse arguments,
// call cardio, print. Exit codes are part of the contract (see README.md).
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kakanai::cardcli {

enum ExitCode : int
{
    EXIT_OK = 0,
    EXIT_USAGE = 2,
    EXIT_WRONG_PIN = 10,
    EXIT_PIN_LOCKED = 11, ///< locked, or the last try refused
    EXIT_CARD_REMOVED = 12, ///< removed or communication failure
    EXIT_NOT_MY_NUMBER = 13, ///< not a My Number card, or malformed card data
    EXIT_NO_CARD = 14, ///< no reader, pcscd not running, or no card within --wait
};

struct Options
{
    std::string command;
    std::string reader;
    double waitSeconds = 0;
    bool pinStdin = false;
    bool collationBStdin = false;
    bool passwordStdin = false;
    bool json = false;
    bool revealNumber = false;
    bool allowLastTry = false;
    bool trace = false;
    bool pem = false;
    std::string certType;
    std::string trustDir;
};

/** Parses argv; returns an error message for bad usage. */
std::optional<std::string> parseOptions(const std::vector<std::string>& args, Options& out);

const char* usageText();

/** The exit code for a card error. */
int exitCodeFor(const cardio::CardError& error);

/** Prints the resident-facing and technical message to stderr. */
void reportError(const cardio::CardError& error);

/**
 * Reads a secret: from standard input (one line) when fromStdin, else from the terminal with
 * echo off after printing `prompt` to stderr. Empty result when neither is possible.
 */
SecureBytes readSecret(bool fromStdin, const char* prompt);

/** JSON string literal with escapes; UTF-8 passes through unchanged. */
std::string jsonString(std::string_view text);

int runReaders(const Options& options);
int runRead(const Options& options);
int runCert(const Options& options);
int runPinStatus(const Options& options);

} // namespace kakanai::cardcli
