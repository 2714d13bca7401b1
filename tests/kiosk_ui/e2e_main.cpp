// The main of kiosk_e2e_tests: starts ONE PcscdSandbox (private pcscd + vpcd in a private mount
// namespace) before any thread exists — not for --gtest_list_tests, so gtest_discover_tests
// works without root — then runs the tests. The kiosk children inherit the namespace and
// PCSCLITE_CSOCK_NAME, so they talk to this pcscd.
//
// Errors: a sandbox that cannot start is reported by every test (e2e_fixture.hpp), not here.
#include "e2e_fixture.hpp"

#include <cstdio>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    using kakanai::testsupport::PcscdSandbox;
    if (!GTEST_FLAG_GET(list_tests)) {
        auto sandbox = PcscdSandbox::start();
        if (sandbox) {
            kakanai::testsupport::KioskEndToEnd::s_pcscd = std::move(sandbox).value();
        } else {
            std::fprintf(stderr, "%s\n", sandbox.error().c_str());
            kakanai::testsupport::KioskEndToEnd::s_pcscdError = sandbox.error();
        }
    }
    const int result = RUN_ALL_TESTS();
    kakanai::testsupport::KioskEndToEnd::s_pcscd.reset();
    return result;
}
