// What the strategy keeps per market between evaluations: the resolved strike, the flash-crash detector, the open
// trade, the one order it may have in flight, the time of the last entry (cooldown), and change flags.
using Edgewise.Core.Instruments;
using Edgewise.Strategies.BtcBinary.Signals;

namespace Edgewise.Strategies.BtcBinary;

internal sealed class MarketState(BinaryMarket market, FlashCrashDetector detector)
{
    public BinaryMarket Market { get; } = market;

    public FlashCrashDetector Detector { get; } = detector;

    /// <summary>Something the decisions depend on changed since the last evaluation.</summary>
    public bool Dirty { get; set; }

    /// <summary>The YES book changed since the last evaluation (a moment for fair-value scoring and the crash detector).</summary>
    public bool YesBookChanged { get; set; }

    public bool StrikeResolved { get; set; }

    public decimal? Strike { get; set; }

    public string? StrikeSource { get; set; }

    public TradeRecord? Trade { get; set; }

    public string? PendingOrderId { get; set; }

    public bool PendingIsEntry { get; set; }

    public SignalKind PendingSignal { get; set; }

    public OutcomeSide PendingSide { get; set; }

    public decimal PendingStake { get; set; }

    public ExitReason PendingExitReason { get; set; }

    public long? LastEntryNs { get; set; }

    /// <summary>The last skip reason recorded, so a skip is logged once per change.</summary>
    public string? LastSkipReason { get; set; }
}
