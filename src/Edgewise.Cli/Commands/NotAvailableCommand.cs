using System.CommandLine;

namespace Edgewise.Cli.Commands;

/// <summary>
/// A command whose capability has not landed yet. It says so in one line and exits with code 2, so no script
/// mistakes it for a run that happened (never fake output).
/// </summary>
internal static class NotAvailableCommand
{
    public const int ExitCode = 2;

    public static Command Create(string name, string description, string trackedIn)
    {
        var command = new Command(name, description + " (not available yet)")
        {
            // Accept and ignore whatever options a user passes, so the message below is what they see.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine($"edgewise {name}: not available yet ({trackedIn}).");
            return ExitCode;
        });
        return command;
    }
}
