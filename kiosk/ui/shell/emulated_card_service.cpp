// CardService over an in-process emulated My Number card (kakanai::vcard), for --training and
// scripted demos: the reader is always there, the card comes and goes with setCardPresent().
#include "card_ops.hpp"
#include "card_service.hpp"

#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/identity.hpp"
#include "kakanai/vcard/in_process.hpp"

#include <mutex>
#include <optional>

namespace kakanai::kiosk::ui {

namespace {

class EmulatedCardService final : public CardService
{
public:
    EmulatedCardService(vcard::Identity identity, std::optional<std::filesystem::path> stateFile)
        : m_card(std::move(identity), {}, std::move(stateFile))
    {
    }

    void start(EventSink sink) override
    {
        m_sink = std::move(sink);
        m_sink(ReaderChanged { true });
    }

    bool setCardPresent(bool present) override
    {
        CardKind kind = CardKind::MyNumberCard;
        {
            std::lock_guard lock(m_mutex);
            if (present == m_transport.has_value()) {
                return true;
            }
            if (present) {
                m_transport.emplace(m_card); // powers the card on
                kind = identifyCardKind(*m_transport);
            } else {
                m_transport.reset();
            }
        }
        if (present) {
            m_sink(CardInserted { kind });
        } else {
            m_sink(CardRemoved {});
        }
        return true;
    }

    Result<int, cardio::CardError> pinTriesLeft() override
    {
        std::lock_guard lock(m_mutex);
        if (!m_transport) {
            return fail(noCard());
        }
        return queryTriesLeft(*m_transport);
    }

    Result<forms::CardData, cardio::CardError> read(
        ReadCard::Route route, SecureString& secret) override
    {
        std::lock_guard lock(m_mutex);
        if (!m_transport) {
            secureZero(secret.data(), secret.size());
            secret.clear();
            return fail(noCard());
        }
        return readCard(*m_transport, route, secret);
    }

private:
    static cardio::CardError noCard()
    {
        return cardio::CardError::make(cardio::CardErrorCode::CardRemoved, "no emulated card");
    }

    vcard::MyNumberCard m_card;
    std::mutex m_mutex;
    std::optional<vcard::InProcessTransport> m_transport; // present while the card is "on"
    EventSink m_sink;
};

} // namespace

Result<std::unique_ptr<CardService>, std::string> makeEmulatedCardService(
    const std::filesystem::path& identityFile, const std::filesystem::path& stateFile)
{
    auto identity = vcard::loadIdentity(identityFile);
    if (!identity) {
        return identity.failure();
    }
    std::optional<std::filesystem::path> state;
    if (!stateFile.empty()) {
        state = stateFile;
    }
    return std::unique_ptr<CardService>(
        std::make_unique<EmulatedCardService>(std::move(*identity), std::move(state)));
}

} // namespace kakanai::kiosk::ui
