using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary;

/// <summary>The snake_case names used for the strategy's enums in decision logs, reports and profiles.</summary>
public static class WireNames
{
    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.FlashCrash => "flash_crash",
        SignalKind.DelayArbitrage => "delay_arbitrage",
        SignalKind.MeanReversion => "mean_reversion",
        SignalKind.Resumed => "resumed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown signal."),
    };

    public static string Of(ExitReason reason) => reason switch
    {
        ExitReason.StopLoss => "stop_loss",
        ExitReason.ProfitTarget => "profit_target",
        ExitReason.Timeout => "timeout",
        ExitReason.Settlement => "settlement",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exit reason."),
    };

    public static string Of(FlashCrashKind kind) => kind switch
    {
        FlashCrashKind.Liquidity => "liquidity",
        FlashCrashKind.Informational => "informational",
        FlashCrashKind.DelayedReaction => "delayed_reaction",
        FlashCrashKind.Unclassified => "unclassified",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown flash-crash kind."),
    };

    public static string Of(OutcomeSide side) => side switch
    {
        OutcomeSide.Yes => "yes",
        OutcomeSide.No => "no",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side."),
    };
}
