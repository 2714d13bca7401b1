#include "cli.hpp"
#include "connection.hpp"

#include "kakanai/cardio/card_reader.hpp"
#include "kakanai/cardio/era.hpp"
#include "kakanai/cardio/my_number.hpp"

#include <iostream>
#include <sstream>

namespace kakanai::cardcli {

using namespace kakanai::cardio;

namespace {

std::string view(const SecureString& s)
{
    return std::string(s.data(), s.size());
}

// Formats the result completely before anything is printed: nothing partial reaches
// stdout on failure. The strings are short-lived copies of personal data; they are zeroed
// by SecureString where it matters (the output buffer itself goes to the terminal anyway).
SecureString format(const ReadOutcome& outcome, const Options& options)
{
    const CardContents& c = outcome.contents;
    std::optional<CivilDate> birth = parseYyyymmdd(
        std::string_view(c.basicInfo.birthDate.data(), c.basicInfo.birthDate.size()));
    std::string iso = birth ? isoDate(*birth) : "";
    std::string wareki = birth ? formatWareki(*birth).value_or("") : "";
    std::string number;
    if (c.myNumber) {
        std::string_view digits(c.myNumber->digits.data(), c.myNumber->digits.size());
        number = options.revealNumber ? std::string(digits) : maskMyNumber(digits);
    }
    std::ostringstream out;
    if (options.json) {
        out << "{\"name\":" << jsonString(view(c.basicInfo.name))
            << ",\"address\":" << jsonString(view(c.basicInfo.address))
            << ",\"birth_date\":" << jsonString(iso)
            << ",\"birth_date_wareki\":" << jsonString(wareki)
            << ",\"birth_date_raw\":" << jsonString(view(c.basicInfo.birthDate))
            << ",\"sex\":" << jsonString(sexName(c.basicInfo.sex));
        if (c.myNumber) {
            out << ",\"my_number\":" << jsonString(number) << ",\"my_number_check_digit_ok\":"
                << (c.myNumber->checkDigitOk ? "true" : "false");
        } else {
            out << ",\"my_number\":null,\"my_number_check_digit_ok\":null";
        }
        out << ",\"route\":" << jsonString(c.myNumber ? "pin" : "collation_b")
            << ",\"extended_length\":" << (outcome.extendedLengthUsed ? "true" : "false")
            << ",\"apdu_count\":" << outcome.apduCount << "}\n";
    } else {
        out << "氏名 name:        " << view(c.basicInfo.name) << "\n"
            << "住所 address:     " << view(c.basicInfo.address) << "\n"
            << "生年月日 birth:   " << iso << " (" << wareki << ")\n"
            << "性別 sex:         " << sexName(c.basicInfo.sex) << "\n";
        if (c.myNumber) {
            out << "個人番号 number:  " << number
                << (c.myNumber->checkDigitOk ? " (check digit ok)" : " (CHECK DIGIT WRONG)")
                << "\n";
        }
        out << "APDUs:            " << outcome.apduCount << "\n";
    }
    std::string text = out.str();
    SecureString result;
    assignSecure(result, text);
    secureZero(text.data(), text.size());
    secureZero(number.data(), number.size());
    return result;
}

} // namespace

int runRead(const Options& options)
{
    ReadRequest request;
    request.route = options.collationBStdin ? ReadRoute::CollationB : ReadRoute::Pin;
    request.allowLastTry = options.allowLastTry;
    request.secret = readSecret(options.pinStdin || options.collationBStdin,
        request.route == ReadRoute::Pin ? "暗証番号 (4 digits) PIN: " : "照合番号B (14 digits): ");
    if (request.secret.empty()) {
        std::cerr << "kakanai-card: no PIN given (use --pin-stdin or run on a terminal)\n";
        return EXIT_USAGE;
    }
    auto connection = openCard(options);
    if (!connection) {
        request.secret.wipe();
        reportError(connection.error());
        return exitCodeFor(connection.error());
    }
    ApduChannel channel(*connection->card);
    channel.setTrace(traceSink(options));
    auto outcome = readResidentCard(channel, request);
    if (!outcome) {
        reportError(outcome.error());
        return exitCodeFor(outcome.error());
    }
    if (!outcome->contents.basicInfo.problems.empty()) {
        std::string fields;
        for (const auto& p : outcome->contents.basicInfo.problems) {
            fields += (fields.empty() ? "" : ", ") + p;
        }
        reportError(CardError::make(CardErrorCode::MalformedData, "invalid field(s): " + fields));
        outcome->contents.wipe();
        return EXIT_NOT_MY_NUMBER;
    }
    SecureString text = format(*outcome, options);
    outcome->contents.wipe();
    std::cout << std::string_view(text.data(), text.size()) << std::flush;
    return EXIT_OK;
}

} // namespace kakanai::cardcli
