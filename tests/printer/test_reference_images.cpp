// Layout regressions: every page of each shipped form (and two tickets) rendered by pdftoppm at
// 50 dpi and compared with tests/printer/reference/<name>-<page>.png. A pixel differs when one of
// its channels differs by more than 64 of 255; a page fails when more than 0.5 % of its pixels
// differ or its size changed. On failure the render and a difference image are written next to
// the test's scratch files (kept with KAKANAI_KEEP_TEST_FILES=1).
// KAKANAI_UPDATE_REFERENCES=1 rewrites the references from the current renders instead.
#include "printer_fixture.hpp"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace kakanai::printer::test {
namespace {

constexpr double TOLERANCE = 0.005;
constexpr int CHANNEL_THRESHOLD = 64;

struct Comparison
{
    bool sameSize = false;
    double differing = 1.0; // fraction of pixels
};

struct SurfaceFree
{
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;

Surface loadPng(const fs::path& path)
{
    Surface surface(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return nullptr;
    }
    // Normalise to ARGB32 so that grey and colour PNGs compare alike.
    const int width = cairo_image_surface_get_width(surface.get());
    const int height = cairo_image_surface_get_height(surface.get());
    Surface argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    cairo_t* cr = cairo_create(argb.get());
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(argb.get());
    return argb;
}

Comparison compare(cairo_surface_t* actual, cairo_surface_t* expected, const fs::path& diffPath)
{
    Comparison result;
    const int width = cairo_image_surface_get_width(actual);
    const int height = cairo_image_surface_get_height(actual);
    if (width != cairo_image_surface_get_width(expected)
        || height != cairo_image_surface_get_height(expected)) {
        return result;
    }
    result.sameSize = true;
    Surface diff(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    const int stride = cairo_image_surface_get_stride(actual);
    const int diffStride = cairo_image_surface_get_stride(diff.get());
    const unsigned char* a = cairo_image_surface_get_data(actual);
    const unsigned char* e = cairo_image_surface_get_data(expected);
    unsigned char* d = cairo_image_surface_get_data(diff.get());
    long differing = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            bool differs = false;
            for (int c = 0; c < 4; ++c) {
                const int delta = a[y * stride + x * 4 + c] - e[y * stride + x * 4 + c];
                differs = differs || std::abs(delta) > CHANNEL_THRESHOLD;
            }
            differing += differs ? 1 : 0;
            auto* pixel = reinterpret_cast<std::uint32_t*>(d + y * diffStride + x * 4);
            *pixel = differs ? 0xFFFF0000u : 0xFFFFFFFFu;
        }
    }
    cairo_surface_mark_dirty(diff.get());
    result.differing = static_cast<double>(differing) / (static_cast<double>(width) * height);
    if (result.differing > TOLERANCE) {
        cairo_surface_write_to_png(diff.get(), diffPath.c_str());
    }
    return result;
}

/** Renders the PDF's pages at 50 dpi into dir; the PNG paths in page order. */
std::vector<fs::path> rasterise(const fs::path& pdf, const fs::path& dir, const std::string& name)
{
    runTool("pdftoppm", { "-r", "50", "-png", pdf.string(), (dir / name).string() });
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(name + "-", 0) == 0 && entry.path().extension() == ".png") {
            pages.push_back(entry.path());
        }
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

void checkAgainstReferences(const std::string& name, const std::string& pdfBytes)
{
    const fs::path dir = scratchDir();
    const fs::path pdf = writeFile(dir / (name + ".pdf"), pdfBytes);
    const auto pages = rasterise(pdf, dir, name);
    ASSERT_FALSE(pages.empty());
    const fs::path referenceDir = SOURCE_DIR / "tests/printer/reference";
    const bool update = std::getenv("KAKANAI_UPDATE_REFERENCES") != nullptr;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const fs::path reference = referenceDir / (name + "-" + std::to_string(i + 1) + ".png");
        if (update) {
            fs::copy_file(pages[i], reference, fs::copy_options::overwrite_existing);
            continue;
        }
        ASSERT_TRUE(fs::exists(reference))
            << reference << " is missing; run with KAKANAI_UPDATE_REFERENCES=1 to create it";
        Surface actual = loadPng(pages[i]);
        Surface expected = loadPng(reference);
        ASSERT_TRUE(actual && expected);
        const fs::path diffPath = dir / (name + "-" + std::to_string(i + 1) + "-diff.png");
        const Comparison result = compare(actual.get(), expected.get(), diffPath);
        EXPECT_TRUE(result.sameSize) << name << " page " << i + 1 << ": size changed";
        EXPECT_LE(result.differing, TOLERANCE)
            << name << " page " << i + 1 << ": " << result.differing * 100
            << " % of pixels differ; render " << pages[i] << ", difference " << diffPath;
    }
    if (!update) {
        const fs::path extra
            = referenceDir / (name + "-" + std::to_string(pages.size() + 1) + ".png");
        EXPECT_FALSE(fs::exists(extra)) << "the reference has more pages than the render";
    }
}

class ReferenceImage : public testing::TestWithParam<std::string>
{
};

TEST_P(ReferenceImage, FormMatchesItsReference)
{
    auto document = renderer().renderForm(
        shippedTemplate(GetParam()), sampleForm(GetParam()), printInfo("A-012"));
    ASSERT_TRUE(document.ok());
    checkAgainstReferences(GetParam(), document->bytes);
}

INSTANTIATE_TEST_SUITE_P(Templates, ReferenceImage, testing::ValuesIn(shippedTemplateIds()),
    [](const auto& info) { return info.param; });

TEST(ReferenceImageTicket, BilingualTrainingTicketMatchesItsReference)
{
    TicketInfo ticket;
    ticket.ticketNumber = "A-013";
    ticket.recordId = "0b6f3c1e-8a2d-4e5f-9c7b-1a2b3c4d5e6f";
    ticket.forms = { shippedTemplate("ido").title, shippedTemplate("kokuho").title };
    ticket.issuedAt = "2026-11-29T10:15:00+09:00";
    ticket.language = "en";
    ticket.municipality = shippedConfig().kiosk->municipalityName;
    ticket.training = true;
    auto document = renderer().renderTicket(ticket);
    ASSERT_TRUE(document.ok());
    checkAgainstReferences("ticket-training-en", document->bytes);
}

TEST(ReferenceImageTicket, ComparisonNoticesALayoutChange)
{
    // The same form with its sections in another order must not pass as its reference.
    if (std::getenv("KAKANAI_UPDATE_REFERENCES")) {
        GTEST_SKIP() << "references are being rewritten";
    }
    auto form = shippedTemplate("juminhyo");
    std::swap(form.sections[0], form.sections[2]);
    auto document = renderer().renderForm(form, sampleForm("juminhyo"), printInfo("A-012"));
    ASSERT_TRUE(document.ok());
    const fs::path dir = scratchDir();
    const auto pages = rasterise(writeFile(dir / "moved.pdf", document->bytes), dir, "moved");
    ASSERT_FALSE(pages.empty());
    Surface actual = loadPng(pages[0]);
    Surface expected = loadPng(SOURCE_DIR / "tests/printer/reference/juminhyo-1.png");
    ASSERT_TRUE(actual && expected);
    EXPECT_GT(compare(actual.get(), expected.get(), dir / "moved-diff.png").differing, TOLERANCE);
}

} // namespace
} // namespace kakanai::printer::test
