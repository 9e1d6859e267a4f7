// The dependency rule of the architecture note, checked on the built assemblies: Core has no project
// dependencies and no I/O packages, the engine never sees a venue or storage, venues never see the engine or storage
// (storage sees the engine only to record what its bus publishes), and the dashboard sees only Core and the engine
// (the composition maps venue feed health onto its own rows); the simulated venues may borrow a venue's pure helpers
// (the Kraken checksum) but never the engine.
using System.Reflection;

namespace Edgewise.Tests.Architecture;

public class LayeringTests
{
    private static readonly Dictionary<string, Assembly> Assemblies = new()
    {
        ["Edgewise.Core"] = typeof(Edgewise.Core.Numerics.Price).Assembly,
        ["Edgewise.Engine"] = typeof(Edgewise.Engine.Replay.ReplayDriver).Assembly,
        ["Edgewise.Venues"] = typeof(Edgewise.Venues.BinanceUs.BinanceUsParser).Assembly,
        ["Edgewise.Storage"] = typeof(Edgewise.Storage.Capture.CaptureReader).Assembly,
        ["Edgewise.Strategies"] = typeof(Edgewise.Strategies.AssemblyMarker).Assembly,
        ["Edgewise.Dashboard"] = typeof(Edgewise.Dashboard.Server.DashboardServer).Assembly,
        ["Edgewise.Simulators"] = typeof(Edgewise.Simulators.SimVenueServer).Assembly,
    };

    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Edgewise.Core", [] },
        { "Edgewise.Engine", ["Edgewise.Core"] },
        { "Edgewise.Venues", ["Edgewise.Core"] },
        { "Edgewise.Storage", ["Edgewise.Core"] },
        { "Edgewise.Strategies", ["Edgewise.Core", "Edgewise.Engine"] },
        { "Edgewise.Dashboard", ["Edgewise.Core", "Edgewise.Engine"] },
        { "Edgewise.Simulators", ["Edgewise.Core", "Edgewise.Venues"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void References_ProjectAssembly_OnlyPointDownward(string assembly, string[] allowed)
    {
        var edgewise = Assemblies[assembly].GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Edgewise.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        // The compiler drops references a project does not use yet, so the rule is "nothing outside the allowed set".
        Assert.Empty(edgewise.Except(allowed));
    }

    [Fact]
    public void References_Core_HasNoThirdPartyDependencies()
    {
        var foreign = Assemblies["Edgewise.Core"].GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib"
                        && !n.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(foreign);
    }
}
