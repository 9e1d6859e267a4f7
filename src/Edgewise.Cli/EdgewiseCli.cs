using System.CommandLine;
using Edgewise.Cli.Commands;

namespace Edgewise.Cli;

/// <summary>The command tree of the <c>edgewise</c> executable: the only composition root of the system.</summary>
internal static class EdgewiseCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Edgewise: one trading engine for prediction markets and crypto, live, on paper and on recorded data.")
        {
            ReplayCommand.Create(),
            BacktestCommand.Create(),
            RunCommand.Create(),
            RecordCommand.Create(),
            DemoCommand.Create(),
            VerifyCommand.Create(),
            ReportCommand.Create(),
            StoreSoakCommand.Create(),
        };
        root.Options.Add(GlobalOptions.Config);
        return root;
    }
}
