using Edgewise.Core.Instruments;

namespace Edgewise.Cli.Backtest;

/// <summary>How one market of the data ends in the backtest.</summary>
/// <param name="Market">The market.</param>
/// <param name="Source">Recorded, inferred, or none.</param>
/// <param name="Result">The winning side; null when unsettled.</param>
/// <param name="Detail">The evidence (recorded record, or the pinning quote), or why there is none.</param>
/// <param name="QuoteAgrees">For a recorded result: whether the last quote pinned the same result (null when it pinned nothing).</param>
internal sealed record MarketOutcome(TobMarket Market, SettlementSource Source, OutcomeSide? Result, string Detail, bool? QuoteAgrees);
