// Renderer: owns the fonts (TextContext) and forwards to the form and ticket renderers (a form
// whose template has a [print] background goes to the background renderer with its layout).
#include "kakanai/printer/renderer.hpp"

#include "draw.hpp"

namespace kakanai::printer {

struct Renderer::Impl
{
    detail::TextContext fonts;
    RendererOptions options;
};

Result<Renderer, RenderError> Renderer::create(RendererOptions options)
{
    auto fonts = detail::TextContext::create(options.fontFamily);
    if (!fonts) {
        return fonts.failure();
    }
    return Renderer(std::make_unique<Impl>(Impl { std::move(fonts.value()), std::move(options) }));
}

Renderer::Renderer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

Renderer::~Renderer() = default;
Renderer::Renderer(Renderer&&) noexcept = default;
Renderer& Renderer::operator=(Renderer&&) noexcept = default;

Result<PdfDocument, RenderError> Renderer::renderForm(const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info) const
{
    if (!info.background && info.templateBackground) {
        if (auto layout = backgroundFromTemplate(form)) {
            FormPrintInfo withLayout = info;
            withLayout.background = std::move(layout);
            return detail::renderFormPdf(m_impl->fonts, m_impl->options, form, filled, withLayout);
        }
    }
    return detail::renderFormPdf(m_impl->fonts, m_impl->options, form, filled, info);
}

Result<PdfDocument, RenderError> Renderer::renderTicket(const TicketInfo& ticket) const
{
    return detail::renderTicketPdf(m_impl->fonts, m_impl->options, ticket);
}

const RendererOptions& Renderer::options() const
{
    return m_impl->options;
}

} // namespace kakanai::printer
