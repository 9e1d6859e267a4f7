// What a running paper session shows the process around it: once the feeds, the loop and the web dashboard are up, the
// Started event hands over the run id, the output folder, the dashboard's address and a terminal-dashboard view (which
// reads only what the loop thread publishes). `run` and `demo` start the terminal dashboard from it.
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Server;
using Edgewise.Engine.Loop;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    /// <summary>Decision records the terminal view keeps (the dashboard shows the newest few of them).</summary>
    private const int ViewDecisions = 32;

    /// <summary>Raised once, on the thread running <see cref="RunAsync"/>, when the session is trading; handlers must return quickly.</summary>
    public event Action<PaperLive>? Started;

    private void RaiseStarted(EngineLoop engine, DashboardPublisher dashboard, ProxyIndexTickSource index, BtcBinaryStrategy strategy, DashboardServer? server)
    {
        if (Started is not { } started)
        {
            return;
        }

        var view = new PaperTerminalView(engine, dashboard, index, strategy.Decisions, ViewDecisions);
        started(new PaperLive(_runId, _outDirectory, server?.Url, view.Read));
    }
}
