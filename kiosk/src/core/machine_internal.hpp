// Internal: the pieces of KioskMachine, split by screen. Each on…() handles one kind of input
// for the current screen and appends the effects to run.
#pragma once

#include "state.hpp"

#include <vector>

namespace kakanai::kiosk::detail {

using State = KioskMachine::State;
using Effects = std::vector<Effect>;

void goTo(State& state, Screen screen);
/** Clears everything personal (visit, PIN, 照合番号B, editor) and returns to attract. */
void wipe(State& state, Effects& effects, std::string noticeId = {});
void showError(State& state, Effects& effects, ErrorKind error);

// flow.cpp: attract, choose, questions, present card, PIN, 照合番号B, reading
void onFlowTap(State& state, const std::string& widget, Effects& effects);
void onCardInserted(State& state, CardKind kind, Effects& effects);
void onPinStatus(State& state, const PinStatus& status, Effects& effects);
void onReadSucceeded(State& state, const ReadSucceeded& read, Effects& effects);
void onReadFailed(State& state, const ReadFailed& failed, Effects& effects);
void askPinStatus(State& state, Effects& effects);

// review.cpp: review, editor, confirm, submitting, printing, done
void onReviewTap(State& state, const std::string& widget, Effects& effects);
void onTypeText(State& state, const std::string& text);
void startReview(State& state);

// view.cpp
ViewModel buildView(const State& state);
std::string uiText(const State& state, std::string_view id);

} // namespace kakanai::kiosk::detail
