// Opening the card for a kakanai-card command: context, wait for a card, connect, transaction.
#pragma once

#include "cli.hpp"
#include "kakanai/base/result.hpp"
#include "kakanai/cardio/pcsc.hpp"

#include <memory>
#include <optional>

namespace kakanai::cardcli {

struct Connection
{
    std::unique_ptr<cardio::PcscContext> context;
    std::unique_ptr<cardio::PcscCard> card;
    std::optional<cardio::PcscCard::Transaction> transaction;
};

/** Waits up to --wait seconds for a card in --reader (or any reader) and connects to it. */
Result<Connection, cardio::CardError> openCard(const Options& options);

/** A trace sink printing to stderr when --trace is set. */
cardio::TraceSink traceSink(const Options& options);

} // namespace kakanai::cardcli
