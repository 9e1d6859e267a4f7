// The entry signals. Each needs the fair value and fires only when buying its side at the touch leaves an edge
// after the fee: edge = fair value of the side − ask − fee per contract > fair_value.min_edge.
//  - flash crash: the detector saw one side fall more than drop_fraction within drop_within_s; BTC's moves over the
//    crash window and the window before classify it, and only the liquidity kind may trade (others are recorded
//    as blocked). The crashed side is bought.
//  - delay arbitrage: |BTC move over momentum_window_s| > momentum_threshold; buy the side the move favours.
//  - mean reversion: YES mid above upper (buy NO) or below lower (buy YES) while |BTC move over stable_window_s| <
//    stable_max_move.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Strategies.BtcBinary.Signals;

namespace Edgewise.Strategies.BtcBinary;

public sealed partial class BtcBinaryStrategy
{
    private static readonly Quantity OneContract = Quantity.FromDecimal(1m);

    private EntryCandidate? TryFlashCrash(MarketState state, MarketView view)
    {
        var o = Options.FlashCrash;
        if (!o.Enabled || view.FairYes is null || !state.Detector.TryDetect(out var crash))
        {
            return null;
        }

        var recent = Move(o.Window);
        var prior = MoveBetween(o.Window + o.PriorWindow, o.Window);
        var kind = FlashCrashClassifier.Classify(crash.Side, recent, prior, o.InformationalMove);
        var (ask, edge) = EntryEdge(state.Market, view, crash.Side);
        var name = WireNames.Of(kind);
        if (kind != FlashCrashKind.Liquidity)
        {
            return new EntryCandidate(SignalKind.FlashCrash, crash.Side, ask, edge, recent, name, crash.Drop,
                EntryFilter.FlashCrashNotLiquidity, Invariant($"{name}: BTC moved {recent} in the crash window, {prior} before it"));
        }

        return edge is { } e && e > Options.FairValue.MinEdge
            ? new EntryCandidate(SignalKind.FlashCrash, crash.Side, ask, edge, recent, name, crash.Drop)
            : null;
    }

    private EntryCandidate? TryDelayArbitrage(MarketState state, MarketView view)
    {
        var o = Options.DelayArbitrage;
        if (!o.Enabled || view.FairYes is null || Move(o.MomentumWindow) is not { } move || Math.Abs(move) <= o.MomentumThreshold)
        {
            return null;
        }

        var side = move > 0m ? OutcomeSide.Yes : OutcomeSide.No;
        var (ask, edge) = EntryEdge(state.Market, view, side);
        return edge is { } e && e > Options.FairValue.MinEdge
            ? new EntryCandidate(SignalKind.DelayArbitrage, side, ask, edge, move)
            : null;
    }

    private EntryCandidate? TryMeanReversion(MarketState state, MarketView view)
    {
        var o = Options.MeanReversion;
        if (!o.Enabled || view.FairYes is null || view.Mid is not { } mid)
        {
            return null;
        }

        OutcomeSide side;
        if (mid > o.Upper)
        {
            side = OutcomeSide.No;
        }
        else if (mid < o.Lower)
        {
            side = OutcomeSide.Yes;
        }
        else
        {
            return null;
        }

        if (Move(o.StableWindow) is not { } move || Math.Abs(move) >= o.StableMaxMove)
        {
            return null;
        }

        var (ask, edge) = EntryEdge(state.Market, view, side);
        return edge is { } e && e > Options.FairValue.MinEdge
            ? new EntryCandidate(SignalKind.MeanReversion, side, ask, edge, move)
            : null;
    }

    /// <summary>The level a buy of <paramref name="side"/> would take and its edge after the fee per contract.</summary>
    private static (BookLevel? Ask, decimal? Edge) EntryEdge(BinaryMarket market, MarketView view, OutcomeSide side)
    {
        var ask = side == OutcomeSide.Yes ? view.YesAsk : view.NoAsk;
        if (ask is not { } level || view.FairYes is not { } fairYes)
        {
            return (ask, null);
        }

        var fair = side == OutcomeSide.Yes ? fairYes : 1m - fairYes;
        var feePerContract = market.ContractFor(side).Fees.Fee(level.Price, OneContract, LiquiditySide.Taker);
        return (ask, fair - level.Price.ToDecimal() - feePerContract);
    }
}
