// The staff console tests' fixture: a fresh queue (an SQLite file unless a subclass says
// otherwise) with a test clock, an admin, two
// reviewers (tanaka, sato) and a supervisor (suzuki) at a low scrypt cost, the shipped form
// templates, and invented residents' requests.
#pragma once

#include "kakanai/forms/filled_json.hpp"
#include "kakanai/forms/lint.hpp"
#include "kakanai/staff/console.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace kakanai::testsupport {

using namespace kakanai::staff;
namespace fs = std::filesystem;

inline SecureString secure(const std::string& text)
{
    SecureString out;
    assignSecure(out, text);
    return out;
}

inline std::string uuid(int n)
{
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
    return text;
}

class StaffConsoleTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "kakanai-staff-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        queue::StoreOptions options;
        options.key = queue::generateMasterKey();
        options.clock = &clock;
        options.create = true;
        options.scrypt = queue::ScryptParams { 1u << 10, 8, 1 }; // fast for tests
        auto opened = queue::Store::open(queueLocation(), options);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        store.emplace(std::move(*opened));
        ASSERT_TRUE(
            store->bootstrapAdmin({ "admin", "管理者", queue::Role::Admin, secure("admin-pass") }));
        auto admin = store->login("admin", secure("admin-pass"));
        ASSERT_TRUE(admin.ok());
        ASSERT_TRUE(store->addUser(
            *admin, { "tanaka", "田中", queue::Role::Reviewer, secure("tanaka-pass") }));
        ASSERT_TRUE(store->addUser(
            *admin, { "suzuki", "鈴木", queue::Role::Supervisor, secure("suzuki-pass") }));
        ASSERT_TRUE(
            store->addUser(*admin, { "sato", "佐藤", queue::Role::Reviewer, secure("sato-pass") }));
        templates = forms::loadConfig({ fs::path(KAKANAI_SOURCE_DIR) / "config" }).templates;
    }
    void TearDown() override
    {
        store.reset();
        fs::remove_all(m_dir);
    }

    /** Submits an invented resident's 住民票 request, `minutesAgo` before now. */
    std::string submit(int n, const std::string& templateId = "juminhyo")
    {
        forms::FilledForm form;
        form.recordId = uuid(n);
        form.templateId = templateId;
        form.templateVersion = 1;
        form.values.emplace("requester_name",
            forms::FilledValue { std::string("試験　花子"), forms::ValueOrigin::Card });
        form.values.emplace("requester_birth_date",
            forms::FilledValue { std::string("19800231"), forms::ValueOrigin::Card });
        form.values.emplace("relationship", forms::FilledValue { std::string("self") });
        form.values.emplace("copies", forms::FilledValue { std::int64_t { 1 } });
        form.values.emplace("phone", forms::FilledValue { std::string("0770-53-1111") });
        form.residentFlags = { "requester_name" };
        queue::Submission submission;
        submission.id = form.recordId;
        submission.templateId = templateId;
        submission.kioskId = "kiosk-1";
        submission.payload = secure(forms::toJson(form));
        auto receipt = store->submit(submission);
        EXPECT_TRUE(receipt.ok()) << receipt.error().message;
        return receipt.ok() ? receipt->ticket : "";
    }

    StaffConsole console(ConsoleOptions options = {})
    {
        return StaffConsole(*store, templates, clock, std::move(options));
    }

    /** Where the queue lives: a file in the test's folder (a subclass may use a server). */
    virtual std::string queueLocation() { return (m_dir / "queue.db").string(); }
    const fs::path& folder() const { return m_dir; }

    queue::TestClock clock;
    std::optional<queue::Store> store;
    std::vector<forms::FormTemplate> templates;

private:
    fs::path m_dir;
};

} // namespace kakanai::testsupport
