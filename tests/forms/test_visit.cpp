// One visit, several forms: shared answers are asked once and reused.
#include "forms_fixture.hpp"

#include "kakanai/forms/life_events.hpp"
#include "kakanai/forms/visit.hpp"

namespace {

using namespace kakanai::forms;
using namespace kakanai::forms::testing;

Value text(const char* value)
{
    return Value { std::string(value) };
}

TEST(Visit, AMovedInResidentTypesPhoneFuriganaAndNewAddressOnce)
{
    const FormTemplate ido = shippedTemplate("ido");
    const FormTemplate kokuho = shippedTemplate("kokuho");
    const FormTemplate inkan = shippedTemplate("inkan");
    const LifeEvents events = loadLifeEventsFile(CONFIG / "life-events.toml").lifeEvents;
    const LifeEvent& movedIn = events.events.at(0);
    ASSERT_EQ(movedIn.id, "moved_in");
    const ValueMap answers { { "from_other_town", true }, { "national_health_insurance", true },
        { "has_children", false }, { "register_seal", true } };

    Visit visit(hanakoCard(), contextOn({ 2026, 11, 29 }));
    const std::map<std::string, const FormTemplate*> byId { { "ido", &ido }, { "kokuho", &kokuho },
        { "inkan", &inkan } };
    for (const LifeEventForm* form : movedIn.formsFor(answers)) {
        visit.addForm(*byId.at(form->formId), form->preset);
    }
    ASSERT_EQ(visit.size(), 3u);
    EXPECT_EQ(visit.form(0).templateId, "ido");
    EXPECT_EQ(visit.form(0).find("move_kind")->value, text("tennyu"));
    EXPECT_EQ(visit.form(1).find("kubun")->value, text("join"));

    ASSERT_TRUE(visit.answer(0, "phone", text("0770-53-1111")));
    ASSERT_TRUE(visit.answer(0, "notifier_furigana", text("シケン　ハナコ")));
    ASSERT_TRUE(visit.answer(0, "new_address", text("福井県小浜市大手町６番３号")));

    const FilledForm& kokuhoFilled = visit.form(1);
    EXPECT_EQ(kokuhoFilled.find("phone")->value, text("0770-53-1111"));
    EXPECT_EQ(kokuhoFilled.find("notifier_furigana")->value, text("シケン　ハナコ"));
    EXPECT_EQ(kokuhoFilled.find("notifier_new_address")->value, text("福井県小浜市大手町６番３号"));
    EXPECT_EQ(visit.form(2).find("phone")->value, text("0770-53-1111"));
    EXPECT_EQ(visit.sharedAnswers().at("furigana"), text("シケン　ハナコ"));
}

TEST(Visit, AFormAddedLaterStartsWithTheSharedAnswers)
{
    const FormTemplate juminhyo = shippedTemplate("juminhyo");
    const FormTemplate koseki = shippedTemplate("koseki");
    Visit visit(hanakoCard(), contextOn({ 2026, 11, 29 }));
    visit.addForm(juminhyo);
    visit.answer(0, "phone", text("090-1234-5678"));
    const std::size_t second = visit.addForm(koseki);
    ASSERT_NE(visit.form(second).find("phone"), nullptr);
    EXPECT_EQ(visit.form(second).find("phone")->value, text("090-1234-5678"));
    EXPECT_EQ(visit.form(second).find("phone")->origin, ValueOrigin::Resident);
}

TEST(Visit, ChangingASharedAnswerFollowsButNeverOverwritesAStaffCorrection)
{
    const FormTemplate juminhyo = shippedTemplate("juminhyo");
    const FormTemplate koseki = shippedTemplate("koseki");
    const FormTemplate inkan = shippedTemplate("inkan");
    Visit visit(hanakoCard(), contextOn({ 2026, 11, 29 }));
    visit.addForm(juminhyo);
    visit.addForm(koseki);
    visit.addForm(inkan);
    visit.answer(0, "phone", text("090-1234-5678"));
    visit.answer(2, "phone", text("0770-53-1111")); // a different number for this form
    EXPECT_EQ(visit.form(0).find("phone")->value, text("0770-53-1111"));
    visit.answer(1, "phone", text("03-1234-5678"), ValueOrigin::Staff);
    EXPECT_EQ(visit.form(1).find("phone")->origin, ValueOrigin::Staff);
    // Forms 0 and 2 held the previous shared answer, so they follow.
    EXPECT_EQ(visit.form(0).find("phone")->value, text("03-1234-5678"));
    EXPECT_EQ(visit.form(2).find("phone")->value, text("03-1234-5678"));
    // A later resident answer on form 0 does not undo what staff set on the others.
    visit.answer(0, "phone", text("080-1111-2222"));
    EXPECT_EQ(visit.form(0).find("phone")->value, text("080-1111-2222"));
    EXPECT_EQ(visit.form(1).find("phone")->value, text("03-1234-5678"));
    EXPECT_EQ(visit.form(2).find("phone")->value, text("03-1234-5678"));
}

TEST(Visit, AnswersToUnknownFormsOrFieldsAreRefused)
{
    const FormTemplate juminhyo = shippedTemplate("juminhyo");
    Visit visit(hanakoCard(), contextOn({ 2026, 11, 29 }));
    visit.addForm(juminhyo);
    EXPECT_FALSE(visit.answer(1, "phone", text("0770-53-1111")));
    EXPECT_FALSE(visit.answer(0, "no_such_field", text("x")));
    EXPECT_TRUE(visit.sharedAnswers().empty());
}

} // namespace
