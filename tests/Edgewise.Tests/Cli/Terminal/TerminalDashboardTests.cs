using Edgewise.Cli.Terminal;
using Edgewise.Engine.Risk;
using static Edgewise.Tests.Cli.Terminal.TerminalFixtures;

namespace Edgewise.Tests.Cli.Terminal;

public sealed class TerminalDashboardTests
{
    private static readonly TerminalDashboard Dashboard = new(new TerminalDashboardOptions
    {
        WarnAge = TimeSpan.FromSeconds(2),
        StaleAge = TimeSpan.FromSeconds(5),
        MaxDecisions = 3,
    });

    private static string Render(TerminalView view) => RenderText(Dashboard.Render(view));

    /// <summary>The one line that contains <paramref name="needle"/> (fails when none or several do).</summary>
    private static string LineWith(string text, string needle) =>
        Assert.Single(text.Split('\n'), line => line.Contains(needle, StringComparison.Ordinal));

    /// <summary>The one table row whose first cell is <paramref name="cell"/>.</summary>
    private static string RowOf(string text, string cell) =>
        Assert.Single(text.Split('\n'), line => line.TrimStart('│', ' ').StartsWith(cell + " ", StringComparison.Ordinal));

    [Fact]
    public void Render_BookAges_MarkLaggingAndStaleBooksWithTheirAge()
    {
        var text = Render(View());

        // Thresholds 2 s and 5 s: 400 ms is fresh, 2500 ms lagging, 6000 ms stale, no update yet is called out.
        var fresh = LineWith(text, "BTC-USD.coinbase");
        Assert.Contains("0.4s", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("LAGGING", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("STALE", fresh, StringComparison.Ordinal);
        Assert.Contains("2.5s LAGGING", LineWith(text, "XBT/USD.kraken"), StringComparison.Ordinal);
        Assert.Contains("6.0s STALE", LineWith(text, "BTCUSD.bitstamp"), StringComparison.Ordinal);
        var waiting = LineWith(text, "BTCUSDT.binanceus");
        Assert.Contains("no update", waiting, StringComparison.Ordinal);
        Assert.Contains("awaiting snapshot", waiting, StringComparison.Ordinal);
        Assert.Contains("books  1 STALE", text, StringComparison.Ordinal);
        // Bid 0.25 @ 97000.5, ask 1.5 @ 97001.5, mid 97001 (trailing zeros trimmed, no rounding).
        Assert.Contains("0.25 @ 97000.5", fresh, StringComparison.Ordinal);
        Assert.Contains("1.5 @ 97001.5", fresh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, AgeLevel.Unknown)]
    [InlineData(0L, AgeLevel.Fresh)]
    [InlineData(2_000L, AgeLevel.Fresh)]
    [InlineData(2_001L, AgeLevel.Lagging)]
    [InlineData(5_000L, AgeLevel.Lagging)]
    [InlineData(5_001L, AgeLevel.Stale)]
    public void LevelOf_AgeAroundThresholds_StrictlyOlderWarns(long? ageMs, AgeLevel expected) =>
        Assert.Equal(expected, TerminalFormat.LevelOf(ageMs, Dashboard.Options));

    [Fact]
    public void Render_Halted_ShowsHaltedWithItsReason()
    {
        var text = Render(View(TradingState.Halted, "kill switch from dashboard"));

        Assert.Contains("trading  HALTED", LineWith(text, "snapshot #42"), StringComparison.Ordinal);
        Assert.Contains("kill switch from dashboard", LineWith(text, "reason"), StringComparison.Ordinal);
        Assert.DoesNotContain("ACTIVE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Active_ShowsActiveAndRiskFigures()
    {
        var text = Render(View());

        Assert.Contains("trading ACTIVE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HALTED", text, StringComparison.Ordinal);
        Assert.Contains("-3.50", LineWith(text, "daily realized"), StringComparison.Ordinal);
        Assert.Contains("-50.00", LineWith(text, "daily loss limit"), StringComparison.Ordinal);
        Assert.Contains("2 of 4", LineWith(text, "losing streak"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Portfolio_ShowsSignedMoney()
    {
        var text = Render(View());

        // Net = 10.50 - 1.25 + 0 + (-2.00) = 7.25.
        Assert.Contains("+7.25", LineWith(text, "net P&L"), StringComparison.Ordinal);
        Assert.Contains("+10.50 / -2.00", LineWith(text, "realized / unrealized"), StringComparison.Ordinal);
        Assert.Contains("-1.25 / 0.00", LineWith(text, "fees / funding"), StringComparison.Ordinal);
        Assert.Contains("1,007.25 / 990.75", LineWith(text, "equity / cash"), StringComparison.Ordinal);
        Assert.Contains("7 / 3", LineWith(text, "fills / open orders"), StringComparison.Ordinal);
        Assert.Contains("+7.25 (7 fills)", LineWith(text, "btc-binary"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Index_ShowsEachVenueWithWeightOrExclusionReason()
    {
        var text = Render(View());

        Assert.Contains("weighted mid 97002", text, StringComparison.Ordinal);
        Assert.Contains("RTI 97001.9", text, StringComparison.Ordinal);
        Assert.Contains("2 of 3 venues included (2 required), weighting Equal", text, StringComparison.Ordinal);
        // Evaluated 1 s before the snapshot: fresh.
        Assert.Contains("(age 1.0s)", text, StringComparison.Ordinal);
        var coinbase = RowOf(text, "coinbase");
        Assert.Contains("50%", coinbase, StringComparison.Ordinal);
        Assert.Contains("included", coinbase, StringComparison.Ordinal);
        // Deviation 0.0123 of the median = 1.23%.
        Assert.Contains("excluded: deviates 1.23% from median", RowOf(text, "bitstamp"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IndexBelowMinimum_ShowsDataOutageNamingExcludedVenues()
    {
        var text = Render(View(index: Index(included: 1)));

        Assert.Contains("DATA_OUTAGE: 1 of 3 venues included, 2 required (kraken: Stale, bitstamp: DeviatesFromMedian)", text, StringComparison.Ordinal);
        Assert.Contains("kraken", LineWith(text, "excluded: book stale"), StringComparison.Ordinal);
        Assert.DoesNotContain("weighted mid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoIndex_SaysSo()
    {
        var view = View() with { Index = null };

        Assert.Contains("no index evaluation yet", Render(view), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Feeds_ShowModeTextAgesCountersAndErrors()
    {
        var text = Render(View());

        var kalshi = RowOf(text, "kalshi");
        Assert.Contains("connected (REST polling fallback)", kalshi, StringComparison.Ordinal);
        Assert.Contains("0.3s", kalshi, StringComparison.Ordinal);
        Assert.Contains("4.5", kalshi, StringComparison.Ordinal);
        var kraken = LineWith(text, "reconnecting in 4s");
        Assert.DoesNotContain("connected (", kraken, StringComparison.Ordinal);
        Assert.Contains("9.0s STALE", kraken, StringComparison.Ordinal);
        Assert.Contains("socket closed", kraken, StringComparison.Ordinal);
        Assert.Contains("engine: 12345 msgs, 17 DROPPED, queued 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Positions_ListOpenOnesAndCountFlat()
    {
        var text = Render(View());

        Assert.Contains("open positions (1, 1 flat)", text, StringComparison.Ordinal);
        var open = LineWith(text, "KXBTC-T97000.kalshi");
        Assert.Contains("0.55", open, StringComparison.Ordinal);
        Assert.Contains("0.35", open, StringComparison.Ordinal);
        Assert.Contains("-2.00", open, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Decisions_NewestFirstBoundedWithWhatWasDone()
    {
        var text = Render(View());

        Assert.Contains("recent decisions (3 of 4, newest first)", text, StringComparison.Ordinal);
        // MaxDecisions 3: the oldest (the skip) is left out.
        Assert.DoesNotContain("no strike yet", text, StringComparison.Ordinal);
        var taken = LineWith(text, "KXBTC-T97000 ");
        Assert.Contains("entry FlashCrash YES", taken, StringComparison.Ordinal);
        Assert.Contains("taken order ord-7", taken, StringComparison.Ordinal);
        Assert.Contains("fair 0.62 px 0.55 edge 0.05", taken, StringComparison.Ordinal);
        var rejected = LineWith(text, "KXBTC-T98000");
        Assert.Contains("rejected by spread: spread 0.08 > 0.05", rejected, StringComparison.Ordinal);
        Assert.Contains("closed by StopLoss, P&L -1.25", LineWith(text, "KXBTC-T95000"), StringComparison.Ordinal);
        var closedAt = text.IndexOf("KXBTC-T95000", StringComparison.Ordinal);
        var rejectedAt = text.IndexOf("KXBTC-T98000", StringComparison.Ordinal);
        var takenAt = text.IndexOf("KXBTC-T97000 ", StringComparison.Ordinal);
        Assert.True(closedAt < rejectedAt && rejectedAt < takenAt, "decisions are listed newest first");
        // Times are the records' engine times: 12:00:10 minus 5 s.
        Assert.Contains("12:00:05.000", taken, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkupCharactersInVenueText_AreShownLiterally()
    {
        var view = View() with
        {
            Snapshot = Snapshot() with
            {
                Feeds = [new Edgewise.Dashboard.Snapshots.FeedStatus { Feed = "odd[feed]", State = "Connected", Connected = false, LastError = "bad [red] frame" }],
            },
        };

        var text = Render(view);

        Assert.Contains("odd[feed]", text, StringComparison.Ordinal);
        Assert.Contains("bad [red] frame", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptySnapshot_SaysThereIsNothingYet()
    {
        var empty = Snapshot() with { Books = [], Feeds = [], Positions = [], Strategies = [] };

        var text = Render(new TerminalView(empty, null, []));

        Assert.Contains("no books", text, StringComparison.Ordinal);
        Assert.Contains("no feeds", text, StringComparison.Ordinal);
        Assert.Contains("no open positions", text, StringComparison.Ordinal);
        Assert.Contains("no decisions yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NarrowTerminal_StillShowsStateAndWarnings()
    {
        var text = RenderText(Dashboard.Render(View(TradingState.Halted, "daily loss")), width: 80);

        Assert.Contains("HALTED", text, StringComparison.Ordinal);
        Assert.Contains("STALE", text, StringComparison.Ordinal);
        Assert.Contains("LAGGING", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"line wider than 80: {line}"));
    }

    [Fact]
    public void Failure_ShowsTheErrorInsteadOfAFrame()
    {
        var text = RenderText(TerminalDashboard.Failure(new InvalidOperationException("publisher gone")));

        Assert.Contains("Dashboard view failed: InvalidOperationException: publisher gone", text, StringComparison.Ordinal);
    }
}
