// The staff console's printing tests' fixture: ConsoleOptions::print as kakanai-staff wires it,
// with a stand-in PDF and the printer library's RecordingSink (which can be slowed down or made
// to fail), and a wait for the job's end as the UI loop does it.
#pragma once

#include "console_fixture.hpp"

#include "kakanai/printer/print_sink.hpp"

#include <chrono>
#include <thread>

namespace kakanai::testsupport {

class StaffPrintTest : public StaffConsoleTest
{
protected:
    /** ConsoleOptions::print as kakanai-staff wires it, with a stand-in PDF and the sink. */
    ConsoleOptions printOptions()
    {
        ConsoleOptions options;
        options.print = [this](const forms::FilledForm& form, const queue::RecordInfo& info,
                            bool ticketOnly, const std::function<void(PrintStage)>& stage) {
            stage(PrintStage::Rendering);
            const std::string pdf = "%PDF-stand-in " + info.ticket + " " + form.templateId;
            stage(PrintStage::Sending);
            printer::PrintOptions job;
            job.title = "kakanai " + info.ticket + (ticketOnly ? "-ticket" : "-form");
            if (auto done = sink.print(pdf, job); !done) {
                return Result<Ok, std::string>(fail(printer::describe(done.error())));
            }
            return Result<Ok, std::string>(Ok {});
        };
        return options;
    }

    /** Calls finishPrint() until the job has ended (as the UI loop does when woken). */
    std::optional<PrintStatus> waitForPrint(StaffConsole& desk)
    {
        using namespace std::chrono_literals;
        const auto until = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < until) {
            desk.finishPrint();
            if (!desk.printing()) {
                return desk.printStatus();
            }
            std::this_thread::sleep_for(5ms);
        }
        return std::nullopt;
    }

    printer::RecordingSink sink;
};

} // namespace kakanai::testsupport
