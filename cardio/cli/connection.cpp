#include "connection.hpp"

#include <chrono>
#include <iostream>

namespace kakanai::cardcli {

Result<Connection, cardio::CardError> openCard(const Options& options)
{
    Connection connection;
    auto context = cardio::PcscContext::establish();
    if (!context) {
        return context.failure();
    }
    connection.context = std::move(*context);
    auto timeout = std::chrono::milliseconds(static_cast<long long>(options.waitSeconds * 1000));
    auto reader = connection.context->waitForCard(options.reader, timeout);
    if (!reader) {
        return reader.failure();
    }
    auto card = connection.context->connect(*reader);
    if (!card) {
        return card.failure();
    }
    connection.card = std::move(*card);
    // One transaction for the whole command: no other application may interleave APDUs
    // (and reset our security state) between our VERIFY and READs.
    auto transaction = connection.card->beginTransaction();
    if (!transaction) {
        return transaction.failure();
    }
    connection.transaction.emplace(std::move(*transaction));
    return connection;
}

cardio::TraceSink traceSink(const Options& options)
{
    if (!options.trace) {
        return {};
    }
    return [](const std::string& line) { std::cerr << "trace: " << line << "\n"; };
}

} // namespace kakanai::cardcli
