using Edgewise.Core.Instruments;

namespace Edgewise.Cli.Backtest;

/// <summary>One market result observed by the collector: the authoritative outcome of that market.</summary>
/// <param name="Ticker">The market.</param>
/// <param name="CloseTime">Its close (agrees with the ticker).</param>
/// <param name="Result">The winning side.</param>
/// <param name="CheckedAtNs">When the collector saw the result, Unix ns.</param>
internal sealed record RecordedSettlement(string Ticker, DateTimeOffset CloseTime, OutcomeSide Result, long CheckedAtNs);
