#include "printer_fixture.hpp"

#include "kakanai/forms/filled_json.hpp"
#include "process.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kakanai::printer::test {
namespace {

std::string readText(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

struct ScratchRoot
{
    fs::path path;
    ScratchRoot()
    {
        std::string pattern = (fs::temp_directory_path() / "kakanai-printer-XXXXXX").string();
        path = mkdtemp(pattern.data());
    }
    ~ScratchRoot()
    {
        if (!std::getenv("KAKANAI_KEEP_TEST_FILES")) {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    }
};

} // namespace

const forms::ConfigSet& shippedConfig()
{
    static const forms::ConfigSet config = forms::loadConfig({ SOURCE_DIR / "config" });
    return config;
}

const forms::FormTemplate& shippedTemplate(const std::string& id)
{
    const forms::FormTemplate* form = shippedConfig().findTemplate(id);
    if (!form) {
        throw std::runtime_error("no template " + id);
    }
    return *form;
}

forms::FilledForm sampleForm(const std::string& id)
{
    auto filled
        = forms::parseFilledJson(readText(SOURCE_DIR / "tests/printer/data" / (id + ".json")));
    if (!filled) {
        throw std::runtime_error("bad sample " + id + ": " + filled.error().detail);
    }
    return filled.value();
}

std::vector<std::string> shippedTemplateIds()
{
    std::vector<std::string> ids;
    for (const auto& form : shippedConfig().templates) {
        ids.push_back(form.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

const Renderer& renderer()
{
    static const Renderer instance = [] {
        auto created = Renderer::create();
        if (!created) {
            throw std::runtime_error(describe(created.error()));
        }
        return std::move(created.value());
    }();
    return instance;
}

FormPrintInfo printInfo(const std::string& ticket, bool training)
{
    return FormPrintInfo { "", ticket, shippedConfig().kiosk->municipalityName, training };
}

fs::path scratchDir()
{
    static ScratchRoot root;
    static int counter = 0;
    fs::path dir = root.path / std::to_string(++counter);
    fs::create_directories(dir);
    return dir;
}

fs::path writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

ToolRun runProgram(const std::string& path, const std::vector<std::string>& args,
    const std::vector<std::pair<std::string, std::string>>& env)
{
    testsupport::ProcessOptions options;
    options.argv.push_back(path);
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.env = env;
    auto child = testsupport::ChildProcess::start(options);
    if (!child) {
        return ToolRun { -1, "", child.error() };
    }
    auto code = (*child)->wait(std::chrono::seconds(30));
    return ToolRun { code.value_or(-1), (*child)->stdoutText(), (*child)->stderrText() };
}

ToolRun runTool(const std::string& tool, const std::vector<std::string>& args)
{
    return runProgram("/usr/bin/" + tool, args);
}

std::string pdfText(const fs::path& pdf, int first, int last)
{
    std::vector<std::string> args { "-raw", "-enc", "UTF-8" };
    if (first > 0) {
        args.insert(args.end(), { "-f", std::to_string(first), "-l", std::to_string(last) });
    }
    args.insert(args.end(), { pdf.string(), "-" });
    return runTool("pdftotext", args).out;
}

std::string squeeze(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            continue;
        }
        if (text.compare(i, 3, "\u3000") == 0) {
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

std::string qrText(const fs::path& pdf)
{
    const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "-qr");
    runTool("pdftoppm",
        { "-r", "150", "-gray", "-f", "1", "-l", "1", "-singlefile", "-png", pdf.string(),
            prefix.string() });
    auto run = runTool("zbarimg", { "--raw", "-q", prefix.string() + ".png" });
    std::string text = run.out;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

std::string pdfInfo(const fs::path& pdf, const std::string& key)
{
    std::istringstream lines(runTool("pdfinfo", { pdf.string() }).out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            auto value = line.substr(key.size() + 1);
            value.erase(0, value.find_first_not_of(' '));
            return value;
        }
    }
    return "";
}

} // namespace kakanai::printer::test
