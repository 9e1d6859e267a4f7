// The terminal dashboard's data for a paper run, readable from the dashboard's own thread. The snapshot and the index
// evaluation are already published immutably by the loop thread (DashboardPublisher.Current, ProxyIndexTickSource.Last).
// The strategy's decision log belongs to the loop, so each read posts one copy of its newest records to the loop and
// returns the previous copy: the decisions shown are at most one refresh old, and at most one copy is queued at a time.
using Edgewise.Cli.Terminal;
using Edgewise.Dashboard.Publishing;
using Edgewise.Engine.Loop;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;

namespace Edgewise.Cli.Run;

internal sealed class PaperTerminalView(EngineLoop engine, DashboardPublisher dashboard, ProxyIndexTickSource index, DecisionLog decisions, int maxDecisions)
{
    private IReadOnlyList<DecisionRecord> _decisions = [];
    private int _copyQueued;

    public TerminalView Read()
    {
        if (Interlocked.Exchange(ref _copyQueued, 1) == 0)
        {
            engine.Post(CopyDecisions);
        }

        return new TerminalView(dashboard.Current, index.Last, Volatile.Read(ref _decisions));
    }

    private void CopyDecisions()
    {
        Volatile.Write(ref _decisions, decisions.Newest(maxDecisions));
        Volatile.Write(ref _copyQueued, 0);
    }
}
