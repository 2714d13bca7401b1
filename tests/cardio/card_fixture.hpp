// Helpers for unit tests that read an emulated card in-process.
#pragma once

#include "kakanai/cardio/transport.hpp"
#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/in_process.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace kakanai::testing {

inline std::filesystem::path identityPath(const std::string& id)
{
    return std::filesystem::path(KAKANAI_SOURCE_DIR) / "config" / "identities" / (id + ".toml");
}

inline vcard::Identity loadTestIdentity(const std::string& id)
{
    auto identity = vcard::loadIdentity(identityPath(id));
    if (!identity) {
        throw std::runtime_error("fixture identity: " + identity.error());
    }
    return *identity;
}

/** An emulated card with an in-process transport and a channel on it. */
struct EmulatedCard
{
    explicit EmulatedCard(vcard::Identity identity, vcard::Faults faults = {})
        : card(std::make_unique<vcard::MyNumberCard>(std::move(identity), faults))
        , transport(std::make_unique<vcard::InProcessTransport>(*card))
        , channel(std::make_unique<cardio::ApduChannel>(*transport))
    {
    }
    std::unique_ptr<vcard::MyNumberCard> card;
    std::unique_ptr<vcard::InProcessTransport> transport;
    std::unique_ptr<cardio::ApduChannel> channel;
};

inline std::string str(const SecureString& s)
{
    return std::string(s.data(), s.size());
}

} // namespace kakanai::testing
