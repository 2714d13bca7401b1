// The A4 form: header (municipality, title, date in 和暦, QR + ticket number), the sections as
// ruled label | value tables, the signature box, page numbers and record id in the footer.
// Layout first measures every block, then paginates (a row never splits; a section title stays
// with its first row and is repeated with （続き） on the next page), then draws.
#include "draw.hpp"
#include "fixed_text.hpp"
#include "form_rows.hpp"
#include "kakanai/printer/value_text.hpp"
#include "qr_code.hpp"

#include <algorithm>
#include <optional>

namespace kakanai::printer::detail {
namespace {

constexpr double LEFT = mm(15);
constexpr double RIGHT = A4_WIDTH - mm(15);
constexpr double CONTENT = RIGHT - LEFT;
constexpr double TOP = mm(12);
constexpr double BOTTOM = A4_HEIGHT - mm(18);
constexpr double QR_SIZE = mm(24);
constexpr double LABEL_WIDTH = mm(46);
constexpr double PAD = mm(1.8);
constexpr double MIN_ROW = mm(9);
constexpr double GAP = 1.0; // between the lines of one cell
constexpr double SIGNATURE_HEIGHT = mm(20);

enum class BlockKind
{
    Section,
    Row,
    Signature,
};

struct Block
{
    BlockKind kind = BlockKind::Row;
    int section = 0;
    std::vector<TextBox> left; // label lines, or the section title lines
    std::vector<TextBox> right; // value lines
    double height = 0;
    int page = 0;
    double y = 0;
};

double stackHeight(const std::vector<TextBox>& boxes)
{
    double height = 0;
    for (const TextBox& box : boxes) {
        height += box.height() + (height > 0 ? GAP : 0);
    }
    return height;
}

double drawStack(cairo_t* cr, const std::vector<TextBox>& boxes, double x, double y)
{
    for (const TextBox& box : boxes) {
        box.draw(cr, x, y);
        y += box.height() + GAP;
    }
    return y;
}

class FormLayout
{
public:
    FormLayout(const TextContext& fonts, const forms::FormTemplate& form,
        const forms::FilledForm& filled, const FormPrintInfo& info)
        : m_fonts(fonts)
        , m_form(form)
        , m_filled(filled)
        , m_info(info)
        , m_other(otherLanguage(filled))
        , m_sections(formSections(form, filled))
    {
    }

    Result<PdfDocument, RenderError> render(const RendererOptions& options)
    {
        const double firstTop = measureHeader();
        measureBody();
        const int pages = paginate(firstTop);
        // Every text box exists before drawing starts, so the subset font holds all glyphs.
        measureFooters(pages);
        std::optional<Watermark> watermark;
        if (m_info.training) {
            watermark.emplace(m_fonts, A4_WIDTH, A4_HEIGHT);
        }
        PdfWriter writer(A4_WIDTH, A4_HEIGHT);
        writer.setMetadata(m_form.id + " v" + std::to_string(m_form.version), m_filled.createdAt);
        cairo_t* cr = writer.cr();
        for (int page = 0; page < pages; ++page) {
            drawHeader(cr, page);
            for (const Block& block : m_blocks) {
                if (block.page == page) {
                    drawBlock(cr, block);
                }
            }
            drawFooter(cr, page);
            if (watermark) {
                watermark->draw(cr);
            }
            if (page + 1 < pages) {
                writer.nextPage();
            }
        }
        return finishDocument(writer, pages, m_glyphs, options);
    }

private:
    TextBox text(
        std::string_view content, TextStyle style, double width = 0, const std::string& where = "")
    {
        TextBox box(m_fonts, content, style, width);
        if (!where.empty()) {
            m_glyphs.check(where, box);
        }
        return box;
    }

    TextStyle otherStyle(double size, PangoAlignment align = PANGO_ALIGN_LEFT) const
    {
        return TextStyle { .size = size, .grey = 0.35, .language = m_other, .align = align };
    }

    std::string recordId() const
    {
        return m_info.recordId.empty() ? m_filled.recordId : m_info.recordId;
    }

    // Page 1's header boxes; returns where the body starts on page 1.
    double measureHeader()
    {
        const double width = CONTENT - QR_SIZE - mm(4);
        m_municipality.push_back(text(textIn(m_info.municipality, "ja"),
            TextStyle { .size = 12, .bold = true }, width, "municipality"));
        if (!m_other.empty() && m_info.municipality.count(m_other) != 0) {
            m_municipality.push_back(
                text(m_info.municipality.at(m_other), otherStyle(8.5), width, "municipality"));
        }
        m_title.push_back(text(textIn(m_form.title, "ja"),
            TextStyle { .size = 17, .bold = true, .align = PANGO_ALIGN_CENTER }, width, "title"));
        if (!m_other.empty() && m_form.title.count(m_other) != 0) {
            m_title.push_back(
                text(m_form.title.at(m_other), otherStyle(10, PANGO_ALIGN_CENTER), width, "title"));
        }
        std::string date = warekiOfTimestamp(m_filled.createdAt).value_or("");
        m_date.push_back(text("申請日　" + date, TextStyle { .align = PANGO_ALIGN_RIGHT }, width));
        if (auto other = fixedText("申請日", m_other); !other.empty()) {
            m_date.push_back(text(other, otherStyle(7.5, PANGO_ALIGN_RIGHT), width));
        }
        if (!m_info.ticketNumber.empty()) {
            m_ticket.push_back(text("受付番号 " + m_info.ticketNumber,
                TextStyle { .size = 9, .bold = true, .align = PANGO_ALIGN_CENTER }, QR_SIZE,
                "ticket"));
            if (auto other = fixedText("受付番号", m_other); !other.empty()) {
                m_ticket.push_back(text(other, otherStyle(6.5, PANGO_ALIGN_CENTER), QR_SIZE));
            }
        }
        m_continuation.push_back(text(textIn(m_form.title, "ja") + "（続き）",
            TextStyle { .size = 10, .bold = true }, width));
        m_laterTop = TOP + QR_SIZE + stackHeight(m_ticket) + mm(3);
        const double textBottom = TOP + stackHeight(m_municipality) + mm(2) + stackHeight(m_title)
            + mm(2) + stackHeight(m_date);
        return std::max(textBottom, TOP + QR_SIZE + stackHeight(m_ticket)) + mm(4);
    }

    Block sectionBlock(int index, bool continued)
    {
        const FormSection& section = m_sections[static_cast<std::size_t>(index)];
        Block block;
        block.kind = BlockKind::Section;
        block.section = index;
        block.left.push_back(text(section.title + (continued ? "（続き）" : ""),
            TextStyle { .size = 10.5, .bold = true }, CONTENT - 2 * PAD, "section"));
        if (!section.titleOther.empty()) {
            block.left.push_back(text(section.titleOther, otherStyle(8), CONTENT - 2 * PAD));
        }
        block.height = stackHeight(block.left) + 2 * mm(1.2);
        return block;
    }

    void measureBody()
    {
        const double valueWidth = CONTENT - LABEL_WIDTH - 2 * PAD;
        for (std::size_t s = 0; s < m_sections.size(); ++s) {
            m_blocks.push_back(sectionBlock(static_cast<int>(s), false));
            for (const FormRow& row : m_sections[s].rows) {
                Block block;
                block.section = static_cast<int>(s);
                block.left.push_back(
                    text(row.label, TextStyle { .size = 9.5 }, LABEL_WIDTH - 2 * PAD, row.key));
                if (!row.labelOther.empty()) {
                    block.left.push_back(
                        text(row.labelOther, otherStyle(7.5), LABEL_WIDTH - 2 * PAD, row.key));
                }
                double width = valueWidth;
                if (row.widthChars > 0) {
                    width = std::min(width, row.widthChars * 11.0 + 1.0);
                }
                if (!row.value.empty()) {
                    block.right.push_back(
                        text(row.value, TextStyle { .size = 11 }, width, row.key));
                }
                if (!row.valueOther.empty()) {
                    block.right.push_back(text(row.valueOther, otherStyle(8), width, row.key));
                }
                block.height = std::max(
                    MIN_ROW, std::max(stackHeight(block.left), stackHeight(block.right)) + 2 * PAD);
                m_blocks.push_back(std::move(block));
            }
        }
        if (m_form.print.signature) {
            Block block;
            block.kind = BlockKind::Signature;
            block.left.push_back(text("署名", TextStyle { .size = 9.5 }, LABEL_WIDTH - 2 * PAD));
            if (auto other = fixedText("署名", m_other); !other.empty()) {
                block.left.push_back(text(other, otherStyle(7.5), LABEL_WIDTH - 2 * PAD));
            }
            block.height = SIGNATURE_HEIGHT;
            m_blocks.push_back(std::move(block));
        }
    }

    // Assigns pages and positions; inserts （続き） section titles. Returns the page count.
    int paginate(double firstTop)
    {
        std::vector<Block> placed;
        int page = 0;
        double y = firstTop;
        double pageTop = firstTop;
        for (std::size_t i = 0; i < m_blocks.size(); ++i) {
            Block& block = m_blocks[i];
            double need = block.height;
            if (block.kind == BlockKind::Section && i + 1 < m_blocks.size()
                && m_blocks[i + 1].kind == BlockKind::Row) {
                need += m_blocks[i + 1].height; // keep the title with its first row
            } else if (block.kind == BlockKind::Signature) {
                need += mm(4);
            }
            if (y + need > BOTTOM && y > pageTop) { // a block taller than a page stays whole
                ++page;
                y = m_laterTop;
                pageTop = y;
                if (block.kind == BlockKind::Row) {
                    Block title = sectionBlock(block.section, true);
                    title.page = page;
                    title.y = y;
                    y += title.height;
                    placed.push_back(std::move(title));
                }
            }
            if (block.kind == BlockKind::Signature) {
                y += mm(4);
            }
            block.page = page;
            block.y = y;
            y += block.height;
            placed.push_back(std::move(block));
        }
        m_blocks = std::move(placed);
        return page + 1;
    }

    void drawHeader(cairo_t* cr, int page)
    {
        if (page == 0) {
            double y = drawStack(cr, m_municipality, LEFT, TOP) + mm(2);
            y = drawStack(cr, m_title, LEFT, y) + mm(2);
            drawStack(cr, m_date, LEFT, y);
        } else {
            drawStack(cr, m_continuation, LEFT, TOP);
        }
        if (!recordId().empty()) {
            drawQrCode(
                cr, qrPayload(recordId(), m_info.ticketNumber), RIGHT - QR_SIZE, TOP, QR_SIZE);
        }
        drawStack(cr, m_ticket, RIGHT - QR_SIZE, TOP + QR_SIZE);
    }

    void drawBlock(cairo_t* cr, const Block& block)
    {
        switch (block.kind) {
        case BlockKind::Section:
            drawCell(cr, LEFT, block.y, CONTENT, block.height, 0.88);
            drawStack(cr, block.left, LEFT + PAD, block.y + mm(1.2));
            break;
        case BlockKind::Row:
        case BlockKind::Signature:
            drawCell(cr, LEFT, block.y, LABEL_WIDTH, block.height, 0.96);
            drawCell(cr, LEFT + LABEL_WIDTH, block.y, CONTENT - LABEL_WIDTH, block.height);
            drawStack(cr, block.left, LEFT + PAD, block.y + PAD);
            drawStack(cr, block.right, LEFT + LABEL_WIDTH + PAD, block.y + PAD);
            break;
        }
    }

    // The page numbers ("1 / 2"), the record id and the template version of each page.
    void measureFooters(int pages)
    {
        for (int page = 0; page < pages; ++page) {
            m_pageNumbers.push_back(text(std::to_string(page + 1) + " / " + std::to_string(pages),
                TextStyle { .size = 9, .align = PANGO_ALIGN_CENTER }, CONTENT));
        }
        if (!recordId().empty()) {
            m_record.push_back(
                text("記録番号 " + recordId(), TextStyle { .size = 7, .grey = 0.3 }));
        }
        m_version.push_back(text(m_form.id + " v" + std::to_string(m_form.version),
            TextStyle { .size = 7, .grey = 0.3, .align = PANGO_ALIGN_RIGHT }, mm(40)));
    }

    void drawFooter(cairo_t* cr, int page)
    {
        const double y = A4_HEIGHT - mm(13);
        m_pageNumbers[static_cast<std::size_t>(page)].draw(cr, LEFT, y);
        drawStack(cr, m_record, LEFT, y + 1.5);
        drawStack(cr, m_version, RIGHT - mm(40), y + 1.5);
    }

    const TextContext& m_fonts;
    const forms::FormTemplate& m_form;
    const forms::FilledForm& m_filled;
    const FormPrintInfo& m_info;
    std::string m_other;
    std::vector<FormSection> m_sections;
    std::vector<TextBox> m_municipality, m_title, m_date, m_ticket, m_continuation;
    std::vector<TextBox> m_pageNumbers, m_record, m_version;
    std::vector<Block> m_blocks;
    GlyphReport m_glyphs;
    double m_laterTop = TOP;
};

} // namespace

Result<PdfDocument, RenderError> renderFormPdf(const TextContext& fonts,
    const RendererOptions& options, const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info)
{
    if (filled.templateId != form.id) {
        return fail(RenderError { RenderErrorKind::TemplateMismatch,
            "the filled form is of template '" + filled.templateId + "', not '" + form.id + "'",
            {} });
    }
    if (info.background) {
        return renderBackgroundFormPdf(fonts, options, form, filled, info);
    }
    FormLayout layout(fonts, form, filled, info);
    return layout.render(options);
}

} // namespace kakanai::printer::detail
