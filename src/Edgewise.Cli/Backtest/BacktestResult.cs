using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Cli.Backtest;

/// <summary>Everything a backtest produced, for the report, summary.json and decisions.jsonl.</summary>
internal sealed record BacktestResult(
    BtcBinaryProfile Profile,
    TobData Data,
    SettlementData Settlements,
    IReadOnlyList<MarketOutcome> Outcomes,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<DecisionRecord> Decisions,
    long DecisionsDropped,
    FairValueScore RecordedScore,
    FairValueScore InferredScore,
    IReadOnlyList<(string Market, FairValueScore Score)> RecordedScoreByMarket,
    BacktestCounters Counters);
