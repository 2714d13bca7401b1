// Internal to kakanai-print: the commands and what they share (argument reading, the loaded
// configuration, writing or printing a rendered PDF).
// Exit codes: 0 success, 2 usage, 3 input error (unreadable or bad filled-form JSON, unknown
// template, a template with lint problems, a form of another template), 4 render error (fonts
// missing; a character without a glyph under --strict-glyphs; the template's background PDF
// missing, unreadable or without a page it names: render.background), 5 print error (stderr starts
// with the error id: print.printer-stopped, print.queue-missing, ...).
#pragma once

#include "kakanai/forms/lint.hpp"
#include "kakanai/printer/renderer.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#ifndef KAKANAI_DEFAULT_CONFIG_DIR
#define KAKANAI_DEFAULT_CONFIG_DIR "config"
#endif

namespace kakanai::printcli {

inline constexpr int EXIT_USAGE = 2;
inline constexpr int EXIT_INPUT = 3;
inline constexpr int EXIT_RENDER = 4;
inline constexpr int EXIT_PRINT = 5;

using Args = std::vector<std::string>;

int usageError(std::string_view message);
int inputError(std::string_view message);

/** Where a rendered document goes, and the options every rendering command shares. */
struct Output
{
    std::string outPath; // --out
    std::string printer; // --printer
    std::string server; // --server
    std::chrono::seconds timeout { 60 };
    int copies = 1;
    bool strictGlyphs = false;
    bool training = false;
    std::string configDir = KAKANAI_DEFAULT_CONFIG_DIR;
    std::string recordId;
    std::string ticketNumber;
};

/** Takes the shared options out of args at i (advancing i); false if args[i] is not one. An
 *  option missing its value or with a bad number sets `error`. */
bool takeOutputOption(const Args& args, std::size_t& i, Output& output, std::string& error);

/** The configuration folder (refused with EXIT_INPUT when it has problems for `templateId`). */
Result<forms::ConfigSet, int> loadConfiguration(
    const std::string& configDir, const std::vector<std::string>& templateIds);

/** Reads and parses a filled-form JSON file ("-" = standard input). */
Result<forms::FilledForm, int> readFilledForm(const std::string& path);

/** Renderer with the fonts (EXIT_RENDER if they are missing). */
Result<printer::Renderer, int> makeRenderer(const Output& output);

/** Writes --out or prints on --printer (media "A4" for forms, "" for tickets); reports missing
 *  glyphs. Returns the exit code. */
int deliver(const Result<printer::PdfDocument, printer::RenderError>& document,
    const Output& output, const std::string& jobTitle, const std::string& media);

int runForm(const Args& args);
int runTicket(const Args& args);
int runPrinters(const Args& args);

} // namespace kakanai::printcli
