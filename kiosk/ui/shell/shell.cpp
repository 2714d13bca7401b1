#include "shell.hpp"

#include <chrono>
#include <iostream>

namespace kakanai::kiosk::ui {

ReadFailed readFailure(std::uint64_t attempt, const cardio::CardError& error)
{
    ReadFailed failed;
    failed.attempt = attempt;
    using Code = cardio::CardErrorCode;
    switch (error.code) {
    case Code::WrongPin:
        failed.kind = ReadFailed::Kind::WrongPin;
        failed.triesLeft = error.triesLeft;
        break;
    case Code::LastTryRefused: // nothing was sent: one try left, the counter takes over
        failed.kind = ReadFailed::Kind::WrongPin;
        failed.triesLeft = 1;
        break;
    case Code::PinLocked:
        failed.kind = ReadFailed::Kind::Locked;
        break;
    case Code::CardRemoved:
    case Code::NoCard:
    case Code::CardSwapped:
        failed.kind = ReadFailed::Kind::CardRemoved;
        break;
    default:
        failed.kind = ReadFailed::Kind::Failed;
        break;
    }
    return failed;
}

Shell::Shell(CardService& card, RecordService& records, PrintService& printer, EventSink sink,
    ShellHooks hooks)
    : m_card(card)
    , m_records(records)
    , m_printer(printer)
    , m_sink(std::move(sink))
    , m_hooks(std::move(hooks))
{
}

Shell::~Shell() = default;

void Shell::drain()
{
    m_cardWorker.drain();
    m_outputWorker.drain();
}

bool Shell::acceptAnswer(const Event& event) const
{
    const std::string* visit = nullptr;
    if (const auto* e = std::get_if<Submitted>(&event)) {
        visit = &e->visitId;
    } else if (const auto* e = std::get_if<SubmitFailed>(&event)) {
        visit = &e->visitId;
    } else if (const auto* e = std::get_if<Printed>(&event)) {
        visit = &e->visitId;
    } else if (const auto* e = std::get_if<PrintFailed>(&event)) {
        visit = &e->visitId;
    } else if (const auto* e = std::get_if<GlyphsReady>(&event)) {
        visit = &e->visitId;
    }
    if (visit && *visit != m_hooks.currentVisit()) {
        std::cerr << "kakanai-kiosk: dropped an answer (" << eventName(event) << ") of visit "
                  << *visit << " (not the current visit)\n";
        return false;
    }
    return true;
}

void Shell::run(Effect effect)
{
    std::visit(
        [this](auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, QueryPinStatus>) {
                m_cardWorker.post([this, attempt = e.attempt] {
                    auto tries = m_card.pinTriesLeft();
                    if (tries) {
                        m_sink(PinStatus { attempt, *tries });
                    } else {
                        m_sink(readFailure(attempt, tries.error()));
                    }
                });
            } else if constexpr (std::is_same_v<T, ReadCard>) {
                auto secret = std::make_shared<SecureString>(std::move(e.secret));
                m_cardWorker.post([this, attempt = e.attempt, route = e.route, secret] {
                    auto card = m_card.read(route, *secret);
                    if (card) {
                        m_cardReadAtMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                                             .count();
                        m_sink(ReadSucceeded { attempt, std::move(*card) });
                    } else {
                        std::cerr << "kakanai-kiosk: card read failed: "
                                  << cardio::codeName(card.error().code) << "\n";
                        m_sink(readFailure(attempt, card.error()));
                    }
                });
            } else if constexpr (std::is_same_v<T, PrepareGlyphs>) {
                if (m_hooks.prepareGlyphs) {
                    m_hooks.prepareGlyphs(e);
                } else {
                    m_sink(GlyphsReady { e.visitId, {} });
                }
            } else if constexpr (std::is_same_v<T, SubmitVisit>) {
                if (e.visitId != m_hooks.currentVisit()) {
                    std::cerr << "kakanai-kiosk: refused to submit visit " << e.visitId << "\n";
                    return;
                }
                // The visit id is made when the card is read: the last read is this visit's.
                const std::int64_t readAt = m_cardReadAtMs.load();
                m_outputWorker.post([this, submit = std::move(e), readAt] {
                    auto receipt = m_records.submit(submit.visitId, submit.forms,
                        readAt > 0 ? std::optional<std::int64_t>(readAt) : std::nullopt);
                    if (receipt) {
                        m_sink(Submitted { submit.visitId, receipt->ticket, receipt->waitMinutes });
                    } else {
                        std::cerr << "kakanai-kiosk: submit failed: " << receipt.error() << "\n";
                        m_sink(SubmitFailed { submit.visitId, receipt.error() });
                    }
                });
            } else if constexpr (std::is_same_v<T, PrintVisit>) {
                if (e.visitId != m_hooks.currentVisit()) {
                    std::cerr << "kakanai-kiosk: refused to print visit " << e.visitId << "\n";
                    return;
                }
                m_outputWorker.post([this, print = std::move(e)] {
                    auto printed = m_printer.print(print.visitId, print.ticket, print.forms);
                    if (printed) {
                        m_sink(Printed { print.visitId });
                    } else {
                        std::cerr << "kakanai-kiosk: print failed: " << printed.error() << "\n";
                        m_sink(PrintFailed { print.visitId, printed.error() });
                    }
                });
            } else if constexpr (std::is_same_v<T, StaffIndicator>) {
                if (m_hooks.staffIndicator) {
                    m_hooks.staffIndicator(e.on);
                }
            }
        },
        effect);
}

} // namespace kakanai::kiosk::ui
