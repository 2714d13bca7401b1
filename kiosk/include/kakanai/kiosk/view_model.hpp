// What a kiosk screen shows, computed by the state machine (no ImGui types): the drawing code
// only lays out and draws a ViewModel and turns touches into Tap{widget id}. Every text is
// already in the resident's language; every value is already formatted (dates in 和暦, the
// My Number masked). A screen shows nothing that is not in its ViewModel.
//
// Errors: none; plain data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::kiosk {

enum class Screen
{
    Attract, // language choice
    Choose, // a form or a life event
    Questions, // the life event's yes/no questions
    PresentCard,
    Pin,
    CollationB, // staff types 照合番号B
    Reading,
    Review, // one form of the visit
    Confirm,
    Submitting,
    Printing,
    Done,
    Error,
};

/** "attract", "choose", ... (the state names of `wait STATE` in scripts). */
const char* screenName(Screen screen);

struct Button
{
    std::string id; // widget id, e.g. "lang.en", "form.juminhyo", "pin.7"
    std::string label;
    bool enabled = true;
    bool primary = false; // the one main action of the screen
    bool selected = false; // chosen option, active era, ...
};

enum class InputKind
{
    ReadOnly, // a card value: shown large, not editable
    Text, // free text: kana keyboard or a physical keyboard / IME
    Katakana, // 50音 keyboard
    Date, // era picker + number pad
    Choice, // option buttons
    MultiChoice, // option buttons, several
    Integer, // number pad
    YesNo, // two buttons
    Digits, // number pad with hyphen (postal code, phone, My Number)
};

struct FieldView
{
    std::string key;
    std::string label; // in the resident's language
    std::string labelJa; // the Japanese label (shown small beneath for other languages)
    std::string help;
    InputKind input = InputKind::Text;
    bool fromCard = false; // read from the card: marked "from your card", with "this is wrong"
    bool derived = false; // computed (today, age, prefecture): read-only, no card mark
    bool required = false;
    std::string value; // formatted for display; "" when unanswered
    std::vector<Button> options; // Choice, MultiChoice, YesNo: option.<key>.<value>
    std::vector<std::string> messages; // validation messages in the resident's language
    bool flaggedForStaff = false; // a card value staff must check, or "this is wrong" tapped
};

/** The open editor of one field (kana keyboard, number pad, era date picker). */
struct EditorView
{
    std::string fieldKey;
    std::string label;
    InputKind input = InputKind::Text;
    std::string text; // what has been typed so far
    std::vector<std::vector<Button>> keyRows; // kana.<char>, num.<digit>, era.<letter>, ...
    std::string message; // why OK was refused, if it was
};

struct ViewModel
{
    Screen screen = Screen::Attract;
    std::string language = "ja";
    std::string title;
    std::string body; // instructions or the error explanation
    std::string notice; // a one-line message from the previous step (e.g. "card removed")
    std::vector<Button> choices; // languages, forms, life events, answers (the screen's list)
    std::vector<Button> actions; // back / next / confirm ...: at most one primary

    // Pin and CollationB
    int digitsEntered = 0;
    int digitsNeeded = 0;
    std::optional<int> triesLeft;
    std::vector<std::vector<Button>> keypad;

    // Reading, Submitting, Printing: 0..1, or < 0 for an indeterminate animation
    double progress = -1.0;

    // Review and Confirm
    std::string formTitle;
    int formIndex = 0;
    int formCount = 0;
    std::vector<FieldView> fields;
    std::optional<EditorView> editor;

    // Done (and Error after a failed print: the ticket is still shown)
    std::string ticket;
    std::string waitText;

    // On every screen
    bool staffCalled = false;
    double scale = 1.0; // 1.0 or 2.0 (the 200% zoom): every size derives from it
    bool highContrast = false;
    bool training = false; // 見本 / SAMPLE on every screen
    std::string trainingBanner; // its text, in the resident's language
    std::optional<int> stillThereSeconds; // the "are you still there?" countdown overlay
    std::vector<Button> globalButtons; // call_staff, zoom, contrast (and still_here)
    /** Small texts the drawing code places itself, by id, in the resident's language:
     *  review.from_card, review.wrong, still_there.title, still_there.body, done.ticket,
     *  choose.forms, choose.events. */
    std::map<std::string, std::string> texts;
};

} // namespace kakanai::kiosk
