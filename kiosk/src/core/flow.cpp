// Attract → choose → questions → present card → PIN / 照合番号B → reading.
#include "machine_internal.hpp"

#include "kakanai/forms/prefill.hpp"

#include <algorithm>

namespace kakanai::kiosk::detail {

namespace {

constexpr std::size_t PIN_LENGTH = 4;
// 照合番号B: 生年月日 YYMMDD (6) + 有効期限の西暦年 (4) + セキュリティコード (4).
constexpr std::size_t COLLATION_B_LENGTH = 14;

bool startsWith(const std::string& text, std::string_view prefix)
{
    return text.rfind(prefix, 0) == 0;
}

const forms::FormTemplate* findTemplate(const State& state, std::string_view id)
{
    for (const auto& form : state.setup.templates) {
        if (form.id == id) {
            return &form;
        }
    }
    return nullptr;
}

const forms::LifeEvent* findEvent(const State& state, std::string_view id)
{
    for (const auto& event : state.setup.lifeEvents.events) {
        if (event.id == id) {
            return &event;
        }
    }
    return nullptr;
}

void enterPresentCard(State& state, Effects& effects)
{
    goTo(state, Screen::PresentCard);
    if (!state.readerPresent) {
        showError(state, effects, ErrorKind::NoReader);
        return;
    }
    if (state.cardPresent && state.cardKind == CardKind::MyNumberCard) {
        askPinStatus(state, effects); // the card was already on the reader
    }
}

void planEvent(State& state, const forms::LifeEvent& event, Effects& effects)
{
    state.planned.clear();
    for (const forms::LifeEventForm* entry : event.formsFor(state.questionAnswers)) {
        if (const forms::FormTemplate* form = findTemplate(state, entry->formId)) {
            state.planned.push_back(PlannedForm { form, entry->preset });
        }
    }
    if (state.planned.empty()) {
        state.noticeId = "notice.no_forms";
        goTo(state, Screen::Choose);
        return;
    }
    enterPresentCard(state, effects);
}

void onChooseTap(State& state, const std::string& widget, Effects& effects)
{
    if (widget == "action.back") {
        goTo(state, Screen::Attract);
    } else if (startsWith(widget, "form.")) {
        if (const forms::FormTemplate* form = findTemplate(state, widget.substr(5))) {
            state.lifeEventId.clear();
            state.planned = { PlannedForm { form, {} } };
            enterPresentCard(state, effects);
        }
    } else if (startsWith(widget, "event.")) {
        if (const forms::LifeEvent* event = findEvent(state, widget.substr(6))) {
            state.lifeEventId = event->id;
            state.questionAnswers.clear();
            if (event->questions.empty()) {
                planEvent(state, *event, effects);
            } else {
                goTo(state, Screen::Questions);
            }
        }
    }
}

void onQuestionsTap(State& state, const std::string& widget, Effects& effects)
{
    const forms::LifeEvent* event = findEvent(state, state.lifeEventId);
    if (!event) {
        goTo(state, Screen::Choose);
        return;
    }
    if (widget == "action.back") {
        goTo(state, Screen::Choose);
        return;
    }
    if (widget == "action.next") {
        for (const auto& question : event->questions) {
            if (!state.questionAnswers.contains(question.key)) {
                return; // the button is disabled until every question is answered
            }
        }
        planEvent(state, *event, effects);
        return;
    }
    for (const auto& question : event->questions) {
        const std::string prefix = "answer." + question.key + ".";
        if (widget == prefix + "yes" || widget == prefix + "no") {
            state.questionAnswers.insert_or_assign(question.key, widget == prefix + "yes");
        }
    }
}

// Digits typed on a keypad into a secret buffer of a fixed length.
void onKeypad(
    SecureString& buffer, std::size_t length, const std::string& widget, std::string_view prefix)
{
    if (widget == std::string(prefix) + "back") {
        if (!buffer.empty()) {
            buffer.back() = '\0';
            buffer.pop_back();
        }
    } else if (widget == std::string(prefix) + "clear") {
        std::fill(buffer.begin(), buffer.end(), '\0');
        buffer.clear();
    } else if (widget.size() == prefix.size() + 1 && startsWith(widget, prefix)) {
        const char digit = widget.back();
        if (digit >= '0' && digit <= '9' && buffer.size() < length) {
            buffer.push_back(digit);
        }
    }
}

void startRead(State& state, ReadCard::Route route, SecureString& secret, Effects& effects)
{
    ReadCard read;
    read.attempt = ++state.attempt;
    read.route = route;
    read.secret = secret; // copied into the effect; the shell zeroes it after use
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
    goTo(state, Screen::Reading);
    effects.push_back(std::move(read));
}

void onPinTap(State& state, const std::string& widget, Effects& effects)
{
    if (widget == "action.back") {
        std::fill(state.pin.begin(), state.pin.end(), '\0');
        state.pin.clear();
        goTo(state, Screen::Choose);
    } else if (widget == "pin.forgot") {
        std::fill(state.pin.begin(), state.pin.end(), '\0');
        state.pin.clear();
        goTo(state, Screen::CollationB);
    } else if (widget == "pin.ok") {
        if (state.pin.size() == PIN_LENGTH) {
            startRead(state, ReadCard::Route::Pin, state.pin, effects);
        }
    } else {
        onKeypad(state.pin, PIN_LENGTH, widget, "pin.");
    }
}

void onCollationTap(State& state, const std::string& widget, Effects& effects)
{
    if (widget == "action.back") {
        std::fill(state.collation.begin(), state.collation.end(), '\0');
        state.collation.clear();
        goTo(state, Screen::Pin);
    } else if (widget == "num.ok") {
        if (state.collation.size() == COLLATION_B_LENGTH) {
            startRead(state, ReadCard::Route::CollationB, state.collation, effects);
        }
    } else {
        onKeypad(state.collation, COLLATION_B_LENGTH, widget, "num.");
    }
}

} // namespace

void askPinStatus(State& state, Effects& effects)
{
    effects.push_back(QueryPinStatus { ++state.attempt });
}

void onFlowTap(State& state, const std::string& widget, Effects& effects)
{
    switch (state.screen) {
    case Screen::Attract:
        if (startsWith(widget, "lang.")) {
            const std::string tag = widget.substr(5);
            if (std::find(state.setup.languages.begin(), state.setup.languages.end(), tag)
                != state.setup.languages.end()) {
                state.language = tag;
                state.noticeId.clear();
                goTo(state, Screen::Choose);
            }
        }
        break;
    case Screen::Choose:
        state.noticeId.clear();
        onChooseTap(state, widget, effects);
        break;
    case Screen::Questions:
        onQuestionsTap(state, widget, effects);
        break;
    case Screen::PresentCard:
        if (widget == "action.back") {
            state.noticeId.clear();
            goTo(state, Screen::Choose);
        }
        break;
    case Screen::Pin:
        onPinTap(state, widget, effects);
        break;
    case Screen::CollationB:
        onCollationTap(state, widget, effects);
        break;
    default:
        break;
    }
}

void onCardInserted(State& state, CardKind kind, Effects& effects)
{
    state.cardPresent = true;
    state.cardKind = kind;
    if (state.screen != Screen::PresentCard) {
        return; // read when the resident reaches that step
    }
    switch (kind) {
    case CardKind::MyNumberCard:
        state.noticeId.clear();
        askPinStatus(state, effects);
        break;
    case CardKind::JukiCard:
        state.noticeId = "card.juki";
        break;
    case CardKind::Smartphone:
        state.noticeId = "card.smartphone";
        break;
    case CardKind::Other:
        state.noticeId = "card.not_my_number";
        break;
    }
}

void onPinStatus(State& state, const PinStatus& status, Effects& effects)
{
    if (state.screen != Screen::PresentCard) {
        return;
    }
    if (status.triesLeft <= 0) {
        showError(state, effects, ErrorKind::PinLocked);
    } else if (status.triesLeft == 1) {
        // One wrong PIN now would lock the card: the counter resets it with the resident.
        showError(state, effects, ErrorKind::LastTry);
    } else {
        state.triesLeft = status.triesLeft;
        goTo(state, Screen::Pin);
    }
}

void onReadSucceeded(State& state, const ReadSucceeded& read, Effects& effects)
{
    state.visitId = state.setup.newId();
    forms::PrefillContext context;
    context.today = state.clock->today();
    context.now = state.clock->timestamp();
    context.language = state.language;
    context.kioskId = state.setup.kioskId;
    context.kiosk = &state.setup.kiosk;
    context.municipalities = state.setup.municipalities.get();
    context.postalCodes = state.setup.postalCodes.get();
    state.visit.emplace(read.card, context);
    state.recordIds.clear();
    std::string glyphs(read.card.name.data(), read.card.name.size());
    glyphs.append(read.card.address.data(), read.card.address.size());
    for (const PlannedForm& planned : state.planned) {
        state.visit->addForm(*planned.form, planned.preset);
        state.recordIds.push_back(state.setup.newId());
    }
    state.formIndex = 0;
    state.glyphsReady = false;
    effects.push_back(PrepareGlyphs { state.visitId, std::move(glyphs) });
    secureZero(glyphs.data(), glyphs.size());
}

void onReadFailed(State& state, const ReadFailed& failed, Effects& effects)
{
    switch (failed.kind) {
    case ReadFailed::Kind::WrongPin:
        if (failed.triesLeft <= 1) {
            showError(
                state, effects, failed.triesLeft <= 0 ? ErrorKind::PinLocked : ErrorKind::LastTry);
        } else {
            state.triesLeft = failed.triesLeft;
            state.noticeId = "pin.wrong";
            goTo(state, Screen::Pin);
        }
        break;
    case ReadFailed::Kind::Locked:
        showError(state, effects, ErrorKind::PinLocked);
        break;
    case ReadFailed::Kind::CardRemoved:
        wipe(state, effects, "notice.card_removed");
        break;
    case ReadFailed::Kind::Failed:
        showError(state, effects, ErrorKind::ReadFailed);
        break;
    }
}

} // namespace kakanai::kiosk::detail
