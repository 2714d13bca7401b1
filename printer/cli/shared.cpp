// What the kakanai-print commands share: options, configuration, input, delivery.
#include "cli.hpp"

#include "kakanai/forms/filled_json.hpp"
#include "kakanai/printer/cups_sink.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace kakanai::printcli {
namespace {

bool readInput(const std::string& path, std::string& out)
{
    if (path == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return !std::cin.bad();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return false;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return !file.bad();
}

std::optional<int> positive(const std::string& text)
{
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != text.npos) {
        return std::nullopt;
    }
    const int value = std::stoi(text);
    return value > 0 ? std::optional<int>(value) : std::nullopt;
}

} // namespace

bool takeOutputOption(const Args& args, std::size_t& i, Output& output, std::string& error)
{
    const std::string& option = args[i];
    if (option == "--training") {
        output.training = true;
        return true;
    }
    if (option == "--strict-glyphs") {
        output.strictGlyphs = true;
        return true;
    }
    std::string* target = option == "--out" ? &output.outPath
        : option == "--printer"             ? &output.printer
        : option == "--server"              ? &output.server
        : option == "--config"              ? &output.configDir
        : option == "--record-id"           ? &output.recordId
        : option == "--ticket"              ? &output.ticketNumber
                                            : nullptr;
    const bool numeric = option == "--timeout" || option == "--copies";
    if (!target && !numeric) {
        return false;
    }
    if (i + 1 >= args.size()) {
        error = option + " needs a value";
        return true;
    }
    const std::string& value = args[++i];
    if (target) {
        *target = value;
        return true;
    }
    auto number = positive(value);
    if (!number) {
        error = option + " needs a positive whole number";
    } else if (option == "--timeout") {
        output.timeout = std::chrono::seconds(*number);
    } else {
        output.copies = *number;
    }
    return true;
}

Result<forms::ConfigSet, int> loadConfiguration(
    const std::string& configDir, const std::vector<std::string>& templateIds)
{
    forms::ConfigSet config = forms::loadConfig({ configDir });
    for (const std::string& id : templateIds) {
        const forms::FormTemplate* form = config.findTemplate(id);
        if (!form) {
            return fail(inputError("no form template with id '" + id + "' in " + configDir));
        }
        forms::Diagnostics problems = forms::lintTemplate(*form, config.languages());
        for (const auto& diagnostic : config.diagnostics) {
            if (diagnostic.file == form->file) {
                problems.push_back(diagnostic);
            }
        }
        if (!problems.empty()) {
            for (const auto& diagnostic : problems) {
                std::cerr << diagnostic.format() << "\n";
            }
            return fail(inputError("template '" + id + "' has problems; run kakanai-forms lint"));
        }
    }
    return config;
}

Result<forms::FilledForm, int> readFilledForm(const std::string& path)
{
    std::string text;
    if (!readInput(path, text)) {
        return fail(inputError("cannot read " + path));
    }
    auto filled = forms::parseFilledJson(text);
    if (!filled) {
        return fail(
            inputError(path + ": " + filled.error().detail + " [" + filled.error().id + "]"));
    }
    return std::move(filled.value());
}

Result<printer::Renderer, int> makeRenderer(const Output& output)
{
    auto renderer = printer::Renderer::create({ .strictGlyphs = output.strictGlyphs });
    if (!renderer) {
        std::cerr << "kakanai-print: " << printer::describe(renderer.error()) << "\n";
        return fail(EXIT_RENDER);
    }
    return std::move(renderer.value());
}

int deliver(const Result<printer::PdfDocument, printer::RenderError>& document,
    const Output& output, const std::string& jobTitle, const std::string& media)
{
    if (!document) {
        std::cerr << "kakanai-print: " << printer::describe(document.error()) << "\n";
        return EXIT_RENDER;
    }
    for (const auto& missing : document->missingGlyphs) {
        std::cerr << "kakanai-print: warning: " << missing.where << ":";
        for (char32_t codepoint : missing.codepoints) {
            std::cerr << " " << printer::codepointName(codepoint);
        }
        std::cerr << " have no glyph in any installed font (printed as boxes)\n";
    }
    if (!output.outPath.empty()) {
        std::ofstream file(output.outPath, std::ios::binary | std::ios::trunc);
        file.write(document->bytes.data(), static_cast<std::streamsize>(document->bytes.size()));
        file.close();
        if (!file) {
            return inputError("cannot write " + output.outPath);
        }
        return 0;
    }
    printer::CupsSink sink({ .printer = output.printer, .server = output.server });
    auto outcome = sink.print(document->bytes,
        { .title = jobTitle, .copies = output.copies, .timeout = output.timeout, .media = media });
    if (!outcome) {
        std::cerr << "kakanai-print: " << printer::describe(outcome.error()) << "\n";
        return EXIT_PRINT;
    }
    std::cout << "printed on " << outcome->printer << " (job " << outcome->jobId << ", "
              << outcome->elapsed.count() << " ms)\n";
    return 0;
}

} // namespace kakanai::printcli
