// Internal to kakanai-forms: the commands, each parsing its own arguments.
// Exit codes shared by all commands: 0 success, 1 problems found (lint, validate), 2 usage error,
// 3 input error (unreadable file, bad JSON, unknown form, a template that does not lint clean).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#ifndef KAKANAI_DEFAULT_CONFIG_DIR
#define KAKANAI_DEFAULT_CONFIG_DIR "config"
#endif

namespace kakanai::formscli {

inline constexpr int EXIT_PROBLEMS = 1;
inline constexpr int EXIT_USAGE = 2;
inline constexpr int EXIT_INPUT = 3;

using Args = std::vector<std::string>;

int usageError(std::string_view message);
/** Prints "kakanai-forms: message" to stderr and returns EXIT_INPUT. */
int inputError(std::string_view message);
/** Reads a whole file, or standard input for "-"; false if it cannot be read. */
bool readInput(const std::string& path, std::string& out);

int runLint(const Args& args);
int runPrefill(const Args& args);
int runValidate(const Args& args);
int runWareki(const Args& args);
int runSeireki(const Args& args);

} // namespace kakanai::formscli
