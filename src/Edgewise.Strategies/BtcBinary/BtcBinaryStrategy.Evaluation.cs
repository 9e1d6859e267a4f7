// One evaluation of one market: gather the view (books, index, strike, volatility, fair value), report the moment
// for fair-value scoring when the YES book changed, then exits for an open trade or entries for a flat market.
// The strike is the market's own when it states one; otherwise the KXBTC15M rule gives it: the 60 s index average
// before the window opened (FACTS §5.8b), estimated from the prints this strategy saw, and unknown when it saw none.
using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Strategies.BtcBinary.Pricing;
using Edgewise.Strategies.Indicators;

namespace Edgewise.Strategies.BtcBinary;

public sealed partial class BtcBinaryStrategy
{
    private void Evaluate(MarketState state, long now)
    {
        var market = state.Market;
        if (now < market.OpenNs || now >= market.CloseNs)
        {
            state.YesBookChanged = false;
            return;
        }

        var view = BuildView(state, now);
        if (state.YesBookChanged)
        {
            state.YesBookChanged = false;
            if (view.Mid is { } mid)
            {
                state.Detector.Add(view.YesBook.TsRecv, mid);
            }

            FairValueObserver?.Invoke(new FairValuePoint(now, market.Ticker, view.FairYes, view.Mid, view.SecondsToClose));
        }

        if (state.PendingOrderId is not null)
        {
            return;
        }

        if (state.Trade is not null)
        {
            EvaluateExit(state, view);
            return;
        }

        EvaluateEntry(state, view);
    }

    private MarketView BuildView(MarketState state, long now)
    {
        var market = state.Market;
        var yesBook = BookOf(market.Yes.Id);
        var noBook = BookOf(market.No.Id);
        BookLevel? yesBid = yesBook.TryGetBestBid(out var yb) ? yb : null;
        BookLevel? yesAsk = yesBook.TryGetBestAsk(out var ya) ? ya : null;
        BookLevel? noBid = noBook.TryGetBestBid(out var nb) ? nb : null;
        BookLevel? noAsk = noBook.TryGetBestAsk(out var na) ? na : null;
        decimal? mid = yesBid is { } bid && yesAsk is { } ask ? (bid.Price.ToDecimal() + ask.Price.ToDecimal()) / 2m : null;
        decimal? spread = yesBid is { } b && yesAsk is { } a ? a.Price.ToDecimal() - b.Price.ToDecimal() : null;

        ResolveStrike(state, now);
        decimal? index = _hasUsable ? _lastUsable.Value.ToDecimal() : null;
        var secondsToClose = Seconds(market.CloseNs - now);
        decimal? fair = index is { } s && state.Strike is { } k ? FairValue(market, s, k, now) : null;

        string? skip = null;
        if (index is null)
        {
            skip = EntryFilter.NoIndex;
        }
        else if (state.Strike is null)
        {
            skip = EntryFilter.StrikeUnknown;
        }
        else if (mid is null || noAsk is null || noBid is null)
        {
            skip = EntryFilter.BookOneSided;
        }

        return new MarketView
        {
            NowNs = now,
            YesBook = yesBook,
            NoBook = noBook,
            YesBid = yesBid,
            YesAsk = yesAsk,
            NoBid = noBid,
            NoAsk = noAsk,
            Mid = mid,
            Spread = spread,
            Index = index,
            IndexAgeSeconds = _hasUsable ? Seconds(now - _lastUsable.TsNs) : null,
            Strike = state.Strike,
            StrikeSource = state.StrikeSource,
            SecondsToClose = secondsToClose,
            VolAnnual = _volatility.AnnualizedSigma,
            FairYes = fair,
            SkipReason = skip,
        };
    }

    private decimal FairValue(BinaryMarket market, decimal spot, decimal strike, long now)
    {
        var window = _estimator.Estimate(market.CloseNs, now);
        var inputs = new FairValueInputs(
            (double)spot,
            (double)strike,
            (double)Seconds(market.CloseNs - now),
            _volatility.SigmaPerSqrtSecond,
            window.WindowSeconds,
            window.SecondsElapsed,
            (double)(window.Value ?? spot));
        return FairValueModel.Probability(inputs);
    }

    private void ResolveStrike(MarketState state, long now)
    {
        if (state.StrikeResolved)
        {
            return;
        }

        if (state.Market.StatedStrike is { } stated)
        {
            (state.Strike, state.StrikeSource, state.StrikeResolved) = (stated, "market", true);
            return;
        }

        if (now < state.Market.OpenNs)
        {
            return;
        }

        // The window (open − 60 s, open] has passed: what the history holds of it is all there will ever be.
        var estimate = _estimator.Estimate(state.Market.OpenNs, now);
        state.StrikeResolved = true;
        if (estimate.Value is { } value)
        {
            state.Strike = value;
            state.StrikeSource = string.Create(CultureInfo.InvariantCulture, $"index_average {estimate.PrintCount}/{estimate.WindowSeconds} prints");
        }
    }

    /// <summary>The first entry filter that blocks, as (name, detail), or null when all pass.</summary>
    private (string Name, string Detail)? CheckFilters(MarketState state, MarketView view, EntryCandidate candidate)
    {
        var market = state.Market;
        var f = Options.Filters;
        var now = view.NowNs;
        var sideBook = candidate.Side == Core.Instruments.OutcomeSide.Yes ? view.YesBook : view.NoBook;
        if (view.YesBook.Health != BookHealth.Healthy || sideBook.Health != BookHealth.Healthy)
        {
            return (EntryFilter.BookUnhealthy, $"YES book {view.YesBook.Health}, {WireNames.Of(candidate.Side)} book {sideBook.Health}");
        }

        if (view.YesBook.IsStale(now, Nanos(f.MaxBookAge)))
        {
            return (EntryFilter.BookStale, Invariant($"book last changed {Seconds(now - view.YesBook.TsRecv)} s ago > {f.MaxBookAge.TotalSeconds} s"));
        }

        if (!_lastTick.IsUsable)
        {
            return (EntryFilter.IndexUnusable, "the latest index tick is a DATA_OUTAGE");
        }

        if (now - _lastUsable.TsNs > Nanos(Options.Index.MaxAge))
        {
            return (EntryFilter.IndexStale, Invariant($"index print {view.IndexAgeSeconds} s old > {Options.Index.MaxAge.TotalSeconds} s"));
        }

        if (now - market.OpenNs < Nanos(f.SkipFirst))
        {
            return (EntryFilter.MarketFirstSeconds, Invariant($"{Seconds(now - market.OpenNs)} s after open < {f.SkipFirst.TotalSeconds} s"));
        }

        if (market.CloseNs - now < Nanos(f.SkipLast))
        {
            return (EntryFilter.MarketLastSeconds, Invariant($"{view.SecondsToClose} s to close < {f.SkipLast.TotalSeconds} s"));
        }

        if (market.CloseNs - now < Nanos(f.MinTimeToClose))
        {
            return (EntryFilter.MinTimeToClose, Invariant($"{view.SecondsToClose} s to close < {f.MinTimeToClose.TotalSeconds} s"));
        }

        if (view.Spread is { } spread && spread > f.MaxSpread)
        {
            return (EntryFilter.MaxSpread, Invariant($"spread {spread} > {f.MaxSpread}"));
        }

        if (_depth == BookDepth.Known && candidate.Ask is { } level && level.Size.ToDecimal() < f.MinDepth)
        {
            return (EntryFilter.MinDepth, Invariant($"{level.Size} contracts at {level.Price} < {f.MinDepth}"));
        }

        if (state.LastEntryNs is { } last && now - last < Nanos(f.Cooldown))
        {
            return (EntryFilter.Cooldown, Invariant($"last entry {Seconds(now - last)} s ago < {f.Cooldown.TotalSeconds} s"));
        }

        return null;
    }

    /// <summary>BTC's relative move over <paramref name="window"/> ending at the latest usable print; null without prints far enough back.</summary>
    private decimal? Move(TimeSpan window) =>
        _hasUsable && ValueAtOrBefore(_lastUsable.TsNs - Nanos(window)) is { } reference
            ? Round8((_lastUsable.Value.ToDecimal() / reference) - 1m)
            : null;

    /// <summary>BTC's move from <paramref name="fromAgo"/> before the latest print to <paramref name="toAgo"/> before it.</summary>
    private decimal? MoveBetween(TimeSpan fromAgo, TimeSpan toAgo)
    {
        if (!_hasUsable)
        {
            return null;
        }

        var end = ValueAtOrBefore(_lastUsable.TsNs - Nanos(toAgo));
        var start = ValueAtOrBefore(_lastUsable.TsNs - Nanos(fromAgo));
        return end is { } e && start is { } s ? Round8((e / s) - 1m) : null;
    }

    /// <summary>The latest usable print at or before <paramref name="tsNs"/>, at most the lookup tolerance older.</summary>
    private decimal? ValueAtOrBefore(long tsNs)
    {
        var second = IndexHistory.SecondOf(tsNs);
        var oldest = second - (long)Math.Ceiling(Options.Index.LookupTolerance.TotalSeconds);
        for (var s = second; s >= oldest; s--)
        {
            if (_history.TryGet(s, out var print) && print.Rti is { } value)
            {
                return value.ToDecimal();
            }
        }

        return null;
    }

    private IOrderBook BookOf(Core.Instruments.InstrumentId id) =>
        Context.Cache.TryGetBook(id, out var book) ? book : throw new InvalidOperationException($"Instrument {id} is not registered with the engine.");

    private static long Nanos(TimeSpan span) => span.Ticks * 100;

    private static decimal Seconds(long nanos) => decimal.Round(nanos / (decimal)NanosPerSecond, 3, MidpointRounding.ToEven);

    private static decimal Round8(decimal value) => decimal.Round(value, 8, MidpointRounding.ToEven);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
