#include "kakanai/forms/life_events.hpp"
#include "template/toml_reader.hpp"

#include <set>

namespace kakanai::forms {
namespace {

using detail::TableReader;

void readQuestions(TableReader& reader, LifeEvent& event)
{
    const toml::array* questions = reader.array("questions");
    if (!questions) {
        return;
    }
    std::set<std::string, std::less<>> keys;
    for (const toml::node& node : *questions) {
        const toml::table* table = node.as_table();
        if (!table) {
            reader.error(node.source(), "template.wrong-type", "each question must be a table");
            continue;
        }
        TableReader q(*table, reader.file(), reader.diagnostics(), "question");
        LifeEventQuestion question;
        question.where = q.where();
        question.key = q.string("key", true).value_or("");
        if (!question.key.empty() && !detail::isIdentifier(question.key)) {
            q.errorAt("key", "template.bad-id", "question key must match [a-z][a-z0-9_]*");
        }
        if (!question.key.empty() && !keys.insert(question.key).second) {
            q.errorAt("key", "template.duplicate-key", "duplicate question '" + question.key + "'");
        }
        question.text = q.localized("text", true).value_or(LocalizedText {});
        question.help = q.localized("help").value_or(LocalizedText {});
        q.reportUnknownKeys();
        event.questions.push_back(std::move(question));
    }
}

std::optional<Value> presetValue(const toml::node& node)
{
    if (node.is_string()) {
        return Value(node.as_string()->get());
    }
    if (node.is_boolean()) {
        return Value(node.as_boolean()->get());
    }
    if (node.is_integer()) {
        return Value(node.as_integer()->get());
    }
    return std::nullopt;
}

void readForms(TableReader& reader, LifeEvent& event)
{
    const toml::array* forms = reader.array("forms");
    if (!forms || forms->empty()) {
        reader.error(forms ? forms->source() : reader.table().source(), "template.missing-key",
            "life event '" + event.id + "' lists no [[events.forms]]");
        return;
    }
    for (const toml::node& node : *forms) {
        const toml::table* table = node.as_table();
        if (!table) {
            reader.error(node.source(), "template.wrong-type", "each form entry must be a table");
            continue;
        }
        TableReader f(*table, reader.file(), reader.diagnostics(), "life event form");
        LifeEventForm form;
        form.formId = f.string("form", true).value_or("");
        const toml::node* formNode = table->get("form");
        form.where = detail::locationOf(formNode ? formNode->source() : table->source(), f.file());
        form.when = f.condition("when", form.whenWhere);
        if (const toml::table* preset = f.subtable("preset")) {
            for (auto&& [key, value] : *preset) {
                auto parsed = presetValue(value);
                if (!parsed) {
                    f.error(value.source(), "template.wrong-type",
                        "a preset answer must be a string, integer or boolean");
                    continue;
                }
                form.preset.emplace(std::string(key.str()), std::move(*parsed));
                form.presetWhere.emplace(
                    std::string(key.str()), detail::locationOf(key.source(), f.file()));
            }
        }
        f.reportUnknownKeys();
        event.forms.push_back(std::move(form));
    }
}

} // namespace

std::vector<const LifeEventForm*> LifeEvent::formsFor(const ValueMap& answers) const
{
    std::vector<const LifeEventForm*> out;
    for (const auto& form : forms) {
        if (form.when.evaluate(answers)) {
            out.push_back(&form);
        }
    }
    return out;
}

LifeEventsLoad loadLifeEvents(std::string_view text, const std::string& fileName)
{
    LifeEventsLoad load;
    load.lifeEvents.file = fileName;
    auto table = detail::parseToml(text, fileName, load.diagnostics);
    if (!table) {
        return load;
    }
    TableReader root(*table, fileName, load.diagnostics, "life-events.toml");
    const toml::array* events = root.array("events");
    if (!events) {
        if (!table->contains("events")) {
            root.error(table->source(), "template.missing-key", "no [[events]] defined");
        }
        root.reportUnknownKeys();
        return load;
    }
    std::set<std::string, std::less<>> ids;
    for (const toml::node& node : *events) {
        const toml::table* eventTable = node.as_table();
        if (!eventTable) {
            root.error(node.source(), "template.wrong-type", "each [[events]] must be a table");
            continue;
        }
        TableReader reader(*eventTable, fileName, load.diagnostics, "life event");
        LifeEvent event;
        event.where = reader.where();
        event.id = reader.string("id", true).value_or("");
        if (!event.id.empty() && !detail::isIdentifier(event.id)) {
            reader.errorAt("id", "template.bad-id", "life event id must match [a-z][a-z0-9_]*");
        }
        if (!event.id.empty() && !ids.insert(event.id).second) {
            reader.errorAt(
                "id", "template.duplicate-key", "duplicate life event '" + event.id + "'");
        }
        event.title = reader.localized("title", true).value_or(LocalizedText {});
        event.description = reader.localized("description").value_or(LocalizedText {});
        readQuestions(reader, event);
        readForms(reader, event);
        reader.reportUnknownKeys();
        load.lifeEvents.events.push_back(std::move(event));
    }
    root.reportUnknownKeys();
    return load;
}

LifeEventsLoad loadLifeEventsFile(const std::filesystem::path& path)
{
    LifeEventsLoad load;
    std::string text;
    if (!detail::readFile(path, text, load.diagnostics)) {
        return load;
    }
    return loadLifeEvents(text, path.string());
}

} // namespace kakanai::forms
