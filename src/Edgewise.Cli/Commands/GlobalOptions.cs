using System.CommandLine;

namespace Edgewise.Cli.Commands;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    /// <summary>`--config FILE`: the run configuration; without it, the built-in default is used.</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Configuration file (JSON). Without it, the built-in default configuration is used.",
        Recursive = true,
    };
}
