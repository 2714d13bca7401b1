// The staff console's test queue (see staff_fixture.hpp).
#include "staff_fixture.hpp"

#include "kakanai/forms/filled_json.hpp"

#include <cstdlib>
#include <fstream>

namespace kakanai::testsupport {

namespace fs = std::filesystem;

namespace {

SecureString secure(const std::string& text)
{
    SecureString out;
    assignSecure(out, text);
    return out;
}

} // namespace

std::string StaffQueue::uuid(int n)
{
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
    return text;
}

Result<std::unique_ptr<StaffQueue>, std::string> StaffQueue::create()
{
    std::string pattern = (fs::temp_directory_path() / "kakanai-staff-ui-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        return fail(std::string("mkdtemp failed"));
    }
    auto queue = std::unique_ptr<StaffQueue>(new StaffQueue());
    queue->m_dir = pattern;
    auto key = queue::createMasterKeyFile(queue->key());
    if (!key) {
        return fail(key.error().message);
    }
    queue::StoreOptions options;
    options.key = std::move(*key);
    options.create = true;
    options.scrypt = queue::ScryptParams { 1u << 10, 8, 1 }; // fast for tests
    auto store = queue::Store::open(queue->db(), std::move(options));
    if (!store) {
        return fail(store.error().message);
    }
    queue->m_store.emplace(std::move(*store));
    queue::Store& s = *queue->m_store;
    if (!s.bootstrapAdmin({ "admin", "管理者", queue::Role::Admin, secure("admin-pass") })) {
        return fail(std::string("bootstrapAdmin failed"));
    }
    auto admin = s.login("admin", secure("admin-pass"));
    if (!admin
        || !s.addUser(*admin, { "tanaka", "田中", queue::Role::Reviewer, secure("tanaka-pass") })
        || !s.addUser(
            *admin, { "suzuki", "鈴木", queue::Role::Supervisor, secure("suzuki-pass") })) {
        return fail(std::string("cannot add the test users"));
    }
    auto supervisor = s.login("suzuki", secure("suzuki-pass"));
    if (!supervisor) {
        return fail(supervisor.error().message);
    }
    queue->m_supervisor = *supervisor;
    return queue;
}

StaffQueue::~StaffQueue()
{
    m_store.reset();
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

Result<queue::Receipt, std::string> StaffQueue::submit(int n, const std::string& templateId)
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
    auto receipt = m_store->submit(submission);
    if (!receipt) {
        return fail(receipt.error().message);
    }
    return *receipt;
}

Result<std::unique_ptr<ChildProcess>, std::string> StaffQueue::startStaff(
    const std::string& display, const std::string& name, const std::string& script,
    const std::vector<std::string>& extra)
{
    const fs::path scriptFile = m_dir / (name + ".txt");
    std::ofstream(scriptFile) << script;
    ProcessOptions options;
    options.argv = { KAKANAI_STAFF_PATH, "--db", db().string(), "--key", key().string(), "--config",
        std::string(KAKANAI_SOURCE_DIR) + "/config", "--script", scriptFile.string(),
        "--screenshot-dir", (m_dir / "shots").string(), "--no-sound" };
    options.argv.insert(options.argv.end(), extra.begin(), extra.end());
    options.env = { { "DISPLAY", display }, { "SDL_AUDIODRIVER", "dummy" } };
    options.stderrToStdout = true;
    return ChildProcess::start(options);
}

} // namespace kakanai::testsupport
