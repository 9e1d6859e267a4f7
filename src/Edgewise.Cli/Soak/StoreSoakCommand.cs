// `edgewise store-soak --store PATH [--steps N] [--flush-every N] [--run-every N] [--profile NAME] [--profile-sha256 H]
// [--batch N]`: the fault-injection suite's child process (StoreSoak). Hidden from help; exit 0 after an orderly stop
// (steps done or the first SIGINT/SIGTERM), 1 when the store cannot be used or recovered (one line saying why).
using System.CommandLine;
using Edgewise.Cli.Recovery;
using Edgewise.Cli.Soak;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Commands;

internal static class StoreSoakCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "The store database to write.", Required = true };
        var steps = new Option<long>("--steps") { Description = "Steps in all; 0 runs until a signal.", DefaultValueFactory = _ => 0 };
        var flushEvery = new Option<int>("--flush-every") { Description = "Flush and print the durable row counts every N steps.", DefaultValueFactory = _ => 20 };
        var runEvery = new Option<long>("--run-every") { Description = "End the run and begin a new one every N steps; 0 keeps one run.", DefaultValueFactory = _ => 0 };
        var profile = new Option<string>("--profile") { Description = "Profile name the runs carry.", DefaultValueFactory = _ => "store-soak" };
        var hash = new Option<string>("--profile-sha256") { Description = "Profile hash the runs carry.", DefaultValueFactory = _ => "store-soak" };
        var batch = new Option<int>("--batch") { Description = "Records per store transaction at most.", DefaultValueFactory = _ => 8 };
        var command = new Command("store-soak", "Write a synthetic paper-trading journal through the store until stopped (fault-injection tests).")
        {
            store, steps, flushEvery, runEvery, profile, hash, batch,
        };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            var settings = new SoakSettings(parse.GetValue(store)!, parse.GetValue(steps), parse.GetValue(flushEvery), parse.GetValue(runEvery),
                parse.GetValue(profile)!, parse.GetValue(hash)!, parse.GetValue(batch));
            var error = parse.InvocationConfiguration.Error;
            if (settings.Steps < 0 || settings.FlushEvery <= 0 || settings.RunEvery < 0 || settings.BatchRecords <= 0)
            {
                await error.WriteLineAsync("edgewise store-soak: --steps and --run-every must be 0 or more, --flush-every and --batch positive");
                return 1;
            }

            try
            {
                await new StoreSoak(settings, parse.InvocationConfiguration.Output, TimeProvider.System).RunAsync(ct);
                return 0;
            }
            catch (Exception e) when (e is RecoveryException or StoreSchemaException or IOException)
            {
                await error.WriteLineAsync($"edgewise store-soak: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
