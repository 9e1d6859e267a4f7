namespace Edgewise.Cli.Demo;

/// <summary>
/// What `edgewise demo` was asked for. Duration is wall time (null: until Ctrl+C) and Speed multiplies it: 60 s at
/// speed 10 simulates 10 minutes of market. Seed null keeps the simulated markets' own default seed; DashboardPort null
/// keeps the configuration's.
/// </summary>
internal sealed record DemoOptions
{
    public const string DefaultOutDirectory = "out/demo";

    public const double DefaultSpeed = 10;

    /// <summary>The fastest the demo runs: beyond it the venues' 5 s staleness limits are a few milliseconds of real time.</summary>
    public const double MaxSpeed = 1_000;

    public TimeSpan? Duration { get; init; }

    public double Speed { get; init; } = DefaultSpeed;

    public int? Seed { get; init; }

    public int? DashboardPort { get; init; }

    public string OutDirectory { get; init; } = DefaultOutDirectory;

    /// <summary>How often, in wall time, a status line reports progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);
}
