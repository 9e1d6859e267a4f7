// Everything one evaluation of one market reads, gathered once: the two books' touches, the index, the strike, the
// volatility and the fair value. A value that does not exist at that moment is null; SkipReason says why the
// market cannot be evaluated for entries at all.
using Edgewise.Core.Books;
using Edgewise.Strategies.BtcBinary.Decisions;

namespace Edgewise.Strategies.BtcBinary;

internal sealed class MarketView
{
    public required long NowNs { get; init; }

    public required IOrderBook YesBook { get; init; }

    public required IOrderBook NoBook { get; init; }

    public BookLevel? YesBid { get; init; }

    public BookLevel? YesAsk { get; init; }

    public BookLevel? NoBid { get; init; }

    public BookLevel? NoAsk { get; init; }

    public decimal? Mid { get; init; }

    public decimal? Spread { get; init; }

    public decimal? Index { get; init; }

    public decimal? IndexAgeSeconds { get; init; }

    public decimal? Strike { get; init; }

    public string? StrikeSource { get; init; }

    public required decimal SecondsToClose { get; init; }

    public required decimal VolAnnual { get; init; }

    public decimal? FairYes { get; init; }

    public string? SkipReason { get; init; }

    public DecisionInputs ToInputs() => new()
    {
        Index = Index,
        IndexAgeSeconds = IndexAgeSeconds,
        Strike = Strike,
        StrikeSource = StrikeSource,
        SecondsToClose = SecondsToClose,
        VolAnnual = VolAnnual,
        FairYes = FairYes,
        YesBid = YesBid?.Price.ToDecimal(),
        YesAsk = YesAsk?.Price.ToDecimal(),
    };
}
