// QR codes with libqrencode: each dark module run of a row is one rectangle.
#include "qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace kakanai::printer::detail {
namespace {

struct QrFree
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

constexpr int QUIET_ZONE = 4;

} // namespace

bool drawQrCode(cairo_t* cr, std::string_view payload, double x, double y, double size)
{
    const std::string text(payload);
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code) {
        return false;
    }
    const int width = code->width;
    const double module = size / (width + 2 * QUIET_ZONE);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, size, size);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double left = x + QUIET_ZONE * module;
    const double top = y + QUIET_ZONE * module;
    for (int row = 0; row < width; ++row) {
        int column = 0;
        while (column < width) {
            if ((code->data[row * width + column] & 1) == 0) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < width && (code->data[row * width + column] & 1) != 0) {
                ++column;
            }
            cairo_rectangle(
                cr, left + start * module, top + row * module, (column - start) * module, module);
        }
    }
    cairo_fill(cr);
    cairo_restore(cr);
    return true;
}

} // namespace kakanai::printer::detail
