#include "kakanai/vcard/card.hpp"

#include <fstream>
#include <stdexcept>

namespace kakanai::vcard {

PinCounters PinCounters::load(const std::filesystem::path& file)
{
    PinCounters counters;
    std::ifstream in(file);
    std::string key, equals;
    int value = 0;
    while (in >> key >> equals >> value) {
        if (key == "text_pin") {
            counters.textPin = value;
        } else if (key == "auth_pin") {
            counters.authPin = value;
        } else if (key == "sign_password") {
            counters.signPassword = value;
        } else if (key == "collation_b") {
            counters.collationB = value;
        }
    }
    return counters;
}

void PinCounters::save(const std::filesystem::path& file) const
{
    // Write a temporary file and rename it, so a killed emulator never leaves a torn state.
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "text_pin = " << textPin << "\n"
            << "auth_pin = " << authPin << "\n"
            << "sign_password = " << signPassword << "\n"
            << "collation_b = " << collationB << "\n";
        out.flush();
        if (!out) {
            throw std::runtime_error("cannot write PIN state " + temporary.string());
        }
    }
    std::filesystem::rename(temporary, file);
}

} // namespace kakanai::vcard
