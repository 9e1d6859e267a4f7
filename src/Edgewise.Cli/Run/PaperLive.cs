using Edgewise.Cli.Terminal;

namespace Edgewise.Cli.Run;

/// <summary>
/// A paper session that has started: its run id, output folder, web dashboard address (null when off) and View, which
/// builds a terminal-dashboard frame's data and may be called from any thread.
/// </summary>
internal sealed record PaperLive(long RunId, string OutDirectory, Uri? DashboardUrl, Func<TerminalView> View);
