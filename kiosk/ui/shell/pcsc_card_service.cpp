// CardService over PC/SC: a ReaderMonitor for presence, one PcscContext for the operations, and
// a worker that identifies each inserted card before the machine hears of it.
#include "card_ops.hpp"
#include "card_service.hpp"
#include "worker.hpp"

#include "kakanai/cardio/pcsc.hpp"

#include <iostream>
#include <mutex>
#include <set>

namespace kakanai::kiosk::ui {

namespace {

class PcscCardService final : public CardService
{
public:
    explicit PcscCardService(std::string reader)
        : m_wanted(std::move(reader))
    {
    }
    ~PcscCardService() override
    {
        if (m_monitor) {
            m_monitor->stop();
        }
    }

    void start(EventSink sink) override
    {
        m_sink = std::move(sink);
        bool anyReader = false;
        if (auto context = cardio::PcscContext::establish()) {
            if (auto readers = (*context)->listReaders()) {
                for (const auto& reader : *readers) {
                    anyReader = anyReader || wanted(reader.name);
                }
            }
        }
        if (!anyReader) {
            m_sink(ReaderChanged { false });
        }
        m_monitor = std::make_unique<cardio::ReaderMonitor>(
            [this](const cardio::ReaderEvent& event) { onReaderEvent(event); });
        if (auto started = m_monitor->start(); !started) {
            std::cerr << "kakanai-kiosk: reader monitor: " << cardio::describe(started.error())
                      << "\n";
            m_sink(ReaderChanged { false });
        }
    }

    Result<int, cardio::CardError> pinTriesLeft() override
    {
        std::lock_guard lock(m_cardMutex);
        auto card = connect();
        if (!card) {
            return card.failure();
        }
        auto transaction = (*card)->beginTransaction();
        if (!transaction) {
            return transaction.failure();
        }
        return queryTriesLeft(**card);
    }

    Result<forms::CardData, cardio::CardError> read(
        ReadCard::Route route, SecureString& secret) override
    {
        std::lock_guard lock(m_cardMutex);
        auto card = connect();
        if (!card) {
            secureZero(secret.data(), secret.size());
            secret.clear();
            return card.failure();
        }
        // One transaction for VERIFY and the READs: nothing may reset the security state between.
        auto transaction = (*card)->beginTransaction();
        if (!transaction) {
            secureZero(secret.data(), secret.size());
            secret.clear();
            return transaction.failure();
        }
        return readCard(**card, route, secret);
    }

private:
    bool wanted(const std::string& reader) const { return m_wanted.empty() || reader == m_wanted; }

    Result<std::unique_ptr<cardio::PcscCard>, cardio::CardError> connect()
    {
        if (!m_context) {
            auto context = cardio::PcscContext::establish();
            if (!context) {
                return context.failure();
            }
            m_context = std::move(*context);
        }
        std::string reader;
        {
            std::lock_guard lock(m_stateMutex);
            reader = m_cardReader;
        }
        if (reader.empty()) {
            return fail(cardio::CardError::make(cardio::CardErrorCode::NoCard, "no card"));
        }
        auto card = m_context->connect(reader);
        if (!card && card.error().code == cardio::CardErrorCode::ServiceUnavailable) {
            m_context.reset(); // pcscd restarted: a new context next time
        }
        return card;
    }

    void onReaderEvent(const cardio::ReaderEvent& event)
    {
        if (!wanted(event.reader) && event.kind != cardio::ReaderEvent::Kind::ServiceLost) {
            return;
        }
        using Kind = cardio::ReaderEvent::Kind;
        switch (event.kind) {
        case Kind::ReaderAdded: {
            std::lock_guard lock(m_stateMutex);
            m_readers.insert(event.reader);
            m_sink(ReaderChanged { true });
            break;
        }
        case Kind::ReaderRemoved: {
            std::lock_guard lock(m_stateMutex);
            m_readers.erase(event.reader);
            if (m_cardReader == event.reader) {
                m_cardReader.clear();
            }
            if (m_readers.empty()) {
                m_sink(ReaderChanged { false });
            }
            break;
        }
        case Kind::CardInserted: {
            {
                std::lock_guard lock(m_stateMutex);
                m_cardReader = event.reader;
            }
            m_identify.post([this] { identify(); });
            break;
        }
        case Kind::CardRemoved: {
            std::lock_guard lock(m_stateMutex);
            if (m_cardReader == event.reader) {
                m_cardReader.clear();
                m_sink(CardRemoved {});
            }
            break;
        }
        case Kind::ServiceLost: {
            std::lock_guard lock(m_stateMutex);
            m_readers.clear();
            m_cardReader.clear();
            m_sink(ReaderChanged { false });
            break;
        }
        }
    }

    void identify()
    {
        std::lock_guard lock(m_cardMutex);
        auto card = connect();
        if (!card) {
            return; // gone again: CardRemoved follows
        }
        auto transaction = (*card)->beginTransaction();
        const CardKind kind = transaction ? identifyCardKind(**card) : CardKind::Other;
        m_sink(CardInserted { kind });
    }

    std::string m_wanted;
    EventSink m_sink;
    std::unique_ptr<cardio::ReaderMonitor> m_monitor;
    std::mutex m_cardMutex; // one card operation at a time
    std::unique_ptr<cardio::PcscContext> m_context; // used under m_cardMutex only
    std::mutex m_stateMutex;
    std::set<std::string> m_readers;
    std::string m_cardReader; // where the current card is; "" without one
    Worker m_identify { "card identification" };
};

} // namespace

std::unique_ptr<CardService> makePcscCardService(std::string reader)
{
    return std::make_unique<PcscCardService>(std::move(reader));
}

} // namespace kakanai::kiosk::ui
