// Life events (config/life-events.toml): the one-stop starting points of a visit — "I moved
// into town", "a baby was born", "someone died", "I need a certificate". Each event asks a few
// yes/no questions and lists the forms that apply, each with an optional `when` over the
// answers and `preset` answers for the form (e.g. ido.move_kind = "tennyu"):
//
//   [[events]]
//   id = "moved_in"
//   title = { ja = "引っ越してきた", en = "I moved into town", ja-easy = "ひっこして きました" }
//   [[events.questions]]
//   key = "has_children"
//   text = { ja = "…", en = "…", ja-easy = "…" }
//   [[events.forms]]
//   form = "kokuho"
//   when = "national_health_insurance"
//   preset = { kubun = "join", reason = "moved_in" }
//
// Errors: loadLifeEvents/loadLifeEventsFile never throw; problems are Diagnostics with ids
//   toml.syntax, file.unreadable, template.missing-key, template.wrong-type,
//   template.unknown-key, template.bad-id, template.duplicate-key, expr.*.
// Cross-checks against the templates (missing form, unknown question, preset of a missing field)
// are done by the linter (lint.hpp).
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/expression.hpp"
#include "kakanai/forms/template.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms {

struct LifeEventQuestion
{
    std::string key; // a yes/no answer; also usable as a shared answer by the forms
    LocalizedText text;
    LocalizedText help;
    SourceLocation where;
};

struct LifeEventForm
{
    std::string formId;
    Expression when; // over the question keys; empty = always
    std::map<std::string, Value, std::less<>> preset; // field key → answer given by the event
    std::map<std::string, SourceLocation, std::less<>> presetWhere;
    SourceLocation where; // of `form`
    SourceLocation whenWhere;
};

struct LifeEvent
{
    std::string id;
    LocalizedText title;
    LocalizedText description;
    std::vector<LifeEventQuestion> questions;
    std::vector<LifeEventForm> forms;
    SourceLocation where;

    /** The forms that apply for these answers (question key → yes/no), in file order. */
    std::vector<const LifeEventForm*> formsFor(const ValueMap& answers) const;
};

struct LifeEvents
{
    std::vector<LifeEvent> events;
    std::string file;
};

struct LifeEventsLoad
{
    LifeEvents lifeEvents;
    Diagnostics diagnostics;
};

LifeEventsLoad loadLifeEvents(std::string_view text, const std::string& fileName);
LifeEventsLoad loadLifeEventsFile(const std::filesystem::path& path);

} // namespace kakanai::forms
