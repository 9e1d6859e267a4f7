using Edgewise.Cli.Reports;
using Edgewise.Cli.Run;
using Edgewise.Simulators.Market;

namespace Edgewise.Cli.Demo;

/// <summary>How a demo ended: the paper run's outcome, its report, what the simulator injected, and how long it ran in wall and market time.</summary>
internal sealed record DemoOutcome(PaperOutcome Paper, ReportWriteResult Report, SimulatedMarketsStats Faults, TimeSpan WallTime, TimeSpan MarketTime, string StorePath);
