// The forms library is being built up (issue 3); this keeps the target non-empty meanwhile.
namespace kakanai::forms {
int formsLibraryVersion()
{
    return 0;
}
} // namespace kakanai::forms
