// The ticket: an 80 mm wide receipt as tall as its content — municipality, the ticket number in
// large type, the forms requested, the time, the QR code and the "please wait" line.
// Only the regular face is used (the ticket number is emboldened by stroking its outline): each
// embedded face costs several milliseconds of font subsetting per ticket.
#include "draw.hpp"
#include "fixed_text.hpp"
#include "kakanai/printer/value_text.hpp"
#include "qr_code.hpp"

#include <algorithm>
#include <functional>
#include <optional>

namespace kakanai::printer::detail {
namespace {

constexpr double PAPER_WIDTH = mm(80);
constexpr double MARGIN = mm(4);
constexpr double WIDTH = PAPER_WIDTH - 2 * MARGIN;
constexpr double QR_SIZE = mm(30);
constexpr double GAP = 1.5;

struct Item
{
    std::function<double(cairo_t*, double)> draw; // draws at y, returns the height used
    double height = 0;
};

class TicketLayout
{
public:
    TicketLayout(const TextContext& fonts, const TicketInfo& ticket)
        : m_fonts(fonts)
        , m_ticket(ticket)
        , m_other(ticket.language == "ja" ? "" : ticket.language)
    {
    }

    Result<PdfDocument, RenderError> render(const RendererOptions& options)
    {
        build();
        double height = 2 * MARGIN;
        for (const Item& item : m_items) {
            height += item.height;
        }
        std::optional<Watermark> watermark;
        if (m_ticket.training) {
            watermark.emplace(m_fonts, PAPER_WIDTH, height);
        }
        PdfWriter writer(PAPER_WIDTH, height);
        writer.setMetadata("ticket " + m_ticket.ticketNumber, m_ticket.issuedAt);
        cairo_t* cr = writer.cr();
        double y = MARGIN;
        for (const Item& item : m_items) {
            item.draw(cr, y);
            y += item.height;
        }
        if (watermark) {
            watermark->draw(cr);
        }
        return finishDocument(writer, 1, m_glyphs, options);
    }

private:
    void addText(std::string_view content, TextStyle style, const std::string& where = "",
        double indent = 0, double embolden = 0)
    {
        if (content.empty()) {
            return;
        }
        auto box = std::make_shared<TextBox>(m_fonts, content, style, WIDTH - indent);
        if (!where.empty()) {
            m_glyphs.check(where, *box);
        }
        m_items.push_back(Item { [box, indent, embolden](cairo_t* cr, double y) {
                                    if (embolden > 0) {
                                        box->drawEmboldened(cr, MARGIN + indent, y, embolden);
                                    } else {
                                        box->draw(cr, MARGIN + indent, y);
                                    }
                                    return box->height();
                                },
            box->height() + GAP });
    }

    void addOther(std::string_view content, double size, PangoAlignment align, double indent = 0)
    {
        if (!m_other.empty()) {
            addText(content,
                TextStyle { .size = size, .grey = 0.35, .language = m_other, .align = align }, "",
                indent);
        }
    }

    void addSpace(double height)
    {
        m_items.push_back(Item { [](cairo_t*, double) { return 0.0; }, height });
    }

    void build()
    {
        const auto center = PANGO_ALIGN_CENTER;
        addText(textIn(m_ticket.municipality, "ja"), TextStyle { .size = 10.5, .align = center },
            "municipality");
        if (!m_other.empty() && m_ticket.municipality.count(m_other) != 0) {
            addOther(m_ticket.municipality.at(m_other), 8, center);
        }
        addSpace(mm(2));
        addText("受付番号", TextStyle { .size = 10, .align = center });
        addOther(fixedText("受付番号", m_other), 7.5, center);
        TextBox probe(m_fonts, m_ticket.ticketNumber, TextStyle { .size = 40 });
        const double size = probe.width() > WIDTH - 4 ? 40 * (WIDTH - 4) / probe.width() : 40.0;
        addText(m_ticket.ticketNumber, TextStyle { .size = size, .align = center }, "ticket", 0,
            size / 20);
        addSpace(mm(1));
        m_items.push_back(Item { [](cairo_t* cr, double y) {
                                    cairo_save(cr);
                                    cairo_set_line_width(cr, 0.8);
                                    cairo_move_to(cr, MARGIN, y + 2);
                                    cairo_line_to(cr, MARGIN + WIDTH, y + 2);
                                    cairo_stroke(cr);
                                    cairo_restore(cr);
                                    return 4.0;
                                },
            mm(3) });
        addText("ご用件", TextStyle { .size = 9 });
        addOther(fixedText("ご用件", m_other), 7, PANGO_ALIGN_LEFT);
        for (std::size_t i = 0; i < m_ticket.forms.size(); ++i) {
            const auto& title = m_ticket.forms[i];
            addText("・" + textIn(title, "ja"), TextStyle { .size = 10 },
                "form " + std::to_string(i + 1));
            if (!m_other.empty() && title.count(m_other) != 0) {
                addOther(title.at(m_other), 7.5, PANGO_ALIGN_LEFT, mm(3.5));
            }
        }
        addSpace(mm(2));
        std::string when = warekiOfTimestamp(m_ticket.issuedAt).value_or("");
        if (m_ticket.issuedAt.size() >= 16) {
            when += " " + m_ticket.issuedAt.substr(11, 5);
        }
        addText("受付日時　" + when, TextStyle { .size = 9 });
        addOther(fixedText("受付日時", m_other), 7, PANGO_ALIGN_LEFT);
        if (!m_ticket.recordId.empty()) {
            const std::string payload = qrPayload(m_ticket.recordId, m_ticket.ticketNumber);
            m_items.push_back(
                Item { [payload](cairo_t* cr, double y) {
                          drawQrCode(cr, payload, MARGIN + (WIDTH - QR_SIZE) / 2, y, QR_SIZE);
                          return QR_SIZE;
                      },
                    QR_SIZE + mm(1) });
        }
        addText("番号をお呼びするまでお待ちください。", TextStyle { .size = 8.5, .align = center });
        addOther(fixedText("番号をお呼びするまでお待ちください。", m_other), 7.5, center);
    }

    const TextContext& m_fonts;
    const TicketInfo& m_ticket;
    std::string m_other;
    std::vector<Item> m_items;
    GlyphReport m_glyphs;
};

} // namespace

Result<PdfDocument, RenderError> renderTicketPdf(
    const TextContext& fonts, const RendererOptions& options, const TicketInfo& ticket)
{
    TicketLayout layout(fonts, ticket);
    return layout.render(options);
}

} // namespace kakanai::printer::detail
