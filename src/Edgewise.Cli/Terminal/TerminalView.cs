// What one frame of the terminal dashboard shows: the engine-thread dashboard snapshot, the newest index evaluation
// and the strategy's recent decisions. Every part is immutable (or a copy), so the UI thread can render it while the
// engine goes on; the renderer never touches engine objects.
using Edgewise.Dashboard.Snapshots;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Cli.Terminal;

/// <param name="Snapshot">The dashboard snapshot (DashboardPublisher.Current).</param>
/// <param name="Index">The newest BTC index proxy evaluation; null when no index runs or none was evaluated yet.</param>
/// <param name="Decisions">Recent decision records, oldest first (the dashboard shows the newest few).</param>
public sealed record TerminalView(DashboardSnapshot Snapshot, IndexValue? Index, IReadOnlyList<DecisionRecord> Decisions);
