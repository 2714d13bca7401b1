// Shared by the forms tests: the shipped configuration, inline templates, and a card of an
// invented resident.
#pragma once

#include "kakanai/forms/card_data.hpp"
#include "kakanai/forms/prefill.hpp"
#include "kakanai/forms/template.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace kakanai::forms::testing {

inline const std::filesystem::path CONFIG = std::filesystem::path(KAKANAI_SOURCE_DIR) / "config";

/** A shipped template (config/forms/<id>.toml); any diagnostic fails the test. */
inline FormTemplate shippedTemplate(const std::string& id)
{
    auto load = loadTemplateFile(CONFIG / "forms" / (id + ".toml"));
    for (const auto& d : load.diagnostics) {
        ADD_FAILURE() << d.format();
    }
    return load.form.value_or(FormTemplate {});
}

/** A template from TOML text (id, version and title are added); diagnostics fail the test. */
inline FormTemplate inlineTemplate(const std::string& body)
{
    const std::string text = "id = \"t\"\nversion = 3\ntitle = { ja = \"試験\", en = \"Test\" }\n"
                             "[[sections]]\nid = \"s\"\ntitle = { ja = \"節\", en = \"Section\" }\n"
        + body;
    auto load = loadTemplate(text, "inline.toml");
    for (const auto& d : load.diagnostics) {
        ADD_FAILURE() << d.format();
    }
    return load.form.value_or(FormTemplate {});
}

/** 試験 花子, born 1980-01-01, living in 小浜市 (invented). */
inline CardData hanakoCard()
{
    CardData card;
    assignSecure(card.name, "試験　花子");
    assignSecure(card.address, "福井県小浜市大手町６番３号");
    assignSecure(card.birthDate, "1980-01-01");
    card.sex = "female";
    assignSecure(card.myNumber, "123456789018");
    return card;
}

inline PrefillContext contextOn(Date today)
{
    PrefillContext context;
    context.today = today;
    context.now = "2026-11-29T10:15:00+09:00";
    context.kioskId = "kiosk-1";
    return context;
}

} // namespace kakanai::forms::testing
