// Connects an emulated card to pcscd's virtual reader (vsmartcard vpcd) over TCP, so the real
// pcscd sees a real reader with a card in it. Protocol (mynumber-card.md §8): every message is
// a 2-byte big-endian length + payload; 1-byte payloads are control (00 power off, 01 power on,
// 02 reset, 04 get ATR), anything longer is a C-APDU answered with the R-APDU.
//
// Errors: run() returns a message when it cannot connect within the timeout; a closed
// connection from pcscd ends run() normally.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/vcard/card.hpp"

#include <atomic>
#include <chrono>
#include <string>

namespace kakanai::vcard {

struct VpcdOptions
{
    std::string host = "127.0.0.1";
    int port = 35963;
    std::chrono::milliseconds connectTimeout { 10000 };
};

/**
 * Serves `card` until pcscd closes the connection, `stop` becomes true, or the card's removal
 * fault fires (the socket is then closed, which pcscd sees as the card being pulled out).
 */
Result<Ok, std::string> serveVpcd(
    MyNumberCard& card, const VpcdOptions& options, const std::atomic<bool>& stop);

} // namespace kakanai::vcard
