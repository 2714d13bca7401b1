// Shared helpers of the printer tests: the shipped configuration and sample filled forms, one
// Renderer per process, temporary files, and running poppler-utils / zbarimg on a PDF.
#pragma once

#include "kakanai/forms/lint.hpp"
#include "kakanai/printer/renderer.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kakanai::printer::test {

namespace fs = std::filesystem;

inline const fs::path SOURCE_DIR = KAKANAI_SOURCE_DIR;

/** config/ loaded once. */
const forms::ConfigSet& shippedConfig();
const forms::FormTemplate& shippedTemplate(const std::string& id);
/** tests/printer/data/<id>.json. */
forms::FilledForm sampleForm(const std::string& id);
/** The ids of the shipped templates (config/forms). */
std::vector<std::string> shippedTemplateIds();

/** One Renderer for the whole test process (fonts load once). */
const Renderer& renderer();
FormPrintInfo printInfo(const std::string& ticket = "A-012", bool training = false);

/** A fresh directory under the test's temporary folder, removed at process exit. */
fs::path scratchDir();
fs::path writeFile(const fs::path& path, const std::string& bytes);

struct ToolRun
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

/** Runs /usr/bin/<tool> with args (30 s limit). */
ToolRun runTool(const std::string& tool, const std::vector<std::string>& args);
ToolRun runProgram(const std::string& path, const std::vector<std::string>& args,
    const std::vector<std::pair<std::string, std::string>>& env = {});

/** pdftotext -raw of the file (pages first..last; 0 = all). */
std::string pdfText(const fs::path& pdf, int first = 0, int last = 0);
/** Text with every space, tab, newline and U+3000 removed (for contains checks). */
std::string squeeze(const std::string& text);
/** What zbarimg reads on page 1 rendered at 150 dpi ("" if nothing). */
std::string qrText(const fs::path& pdf);
/** pdfinfo's "Key: value" for `key` (e.g. "Pages", "Page size"). */
std::string pdfInfo(const fs::path& pdf, const std::string& key);

} // namespace kakanai::printer::test
