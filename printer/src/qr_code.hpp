// Internal: a QR code (libqrencode, error correction M, 8-bit mode) drawn as black squares.
#pragma once

#include <cairo.h>

#include <string_view>

namespace kakanai::printer::detail {

/** Draws the code for `payload` in the square (x, y, size) including a 4-module quiet zone
 *  (painted white). False if libqrencode cannot encode it (too long). */
bool drawQrCode(cairo_t* cr, std::string_view payload, double x, double y, double size);

} // namespace kakanai::printer::detail
