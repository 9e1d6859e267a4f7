// Fixed views for the terminal dashboard tests, and a console that renders into a string without colour or ANSI
// codes at a fixed width, so the assertions read the text a person would see.
using Edgewise.Cli.Terminal;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Risk;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.Indicators;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edgewise.Tests.Cli.Terminal;

internal static class TerminalFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 10, TimeSpan.Zero);

    public static long NowNs => (Now - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static IAnsiConsole TextConsole(StringWriter writer, int width = 200)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    public static string RenderText(IRenderable renderable, int width = 200)
    {
        using var writer = new StringWriter();
        TextConsole(writer, width).Write(renderable);
        return writer.ToString();
    }

    public static DashboardSnapshot Snapshot(TradingState state = TradingState.Active, string reason = "") => new()
    {
        Sequence = 42,
        Time = Now,
        Risk = new RiskStatus(state, reason, -3.5m, 2, new RiskLimits { MaxDailyLoss = 50m, MaxConsecutiveLosses = 4 }),
        // NetPnl = realized 10.50 - fees 1.25 + funding 0 + unrealized -2.00 = 7.25; Equity = deposits 1000 + 7.25.
        Portfolio = new PortfolioSummary(990.75m, 1000m, 10.50m, 1.25m, 0m, -2.00m, 7.25m, 1007.25m, 1),
        Positions =
        [
            new PositionRow("KXBTC-T97000.kalshi", 10m, 0.55m, 5.5m, 0.35m, -2.00m, 0m, 0.12m, 0m, Now.AddMinutes(-3)),
            new PositionRow("BTC-USD.coinbase", 0m, 0m, 0m, null, null, 10.50m, 1.13m, 0m, null),
        ],
        OpenOrders = [],
        OpenOrderCount = 3,
        RecentFills = [],
        TotalFills = 7,
        Strategies = [new StrategyPnlRow("btc-binary", "running", null, 10.50m, 1.25m, -2.00m, 7.25m, 7, 3)],
        Equity = [],
        Books =
        [
            Book("BTC-USD.coinbase", BookHealth.Healthy, 400),
            Book("XBT/USD.kraken", BookHealth.Healthy, 2_500),
            Book("BTCUSD.bitstamp", BookHealth.Healthy, 6_000),
            Book("BTCUSDT.binanceus", BookHealth.AwaitingSnapshot, null),
        ],
        Feeds =
        [
            new FeedStatus { Feed = "kalshi", State = "Connected", StateText = "connected (REST polling fallback)", Connected = true, LastMessageAgeMs = 300, MessagesPerSecond = 4.5, Gaps = 1 },
            new FeedStatus { Feed = "kraken", State = "WaitingToReconnect", StateText = "reconnecting in 4s", Connected = false, LastMessageAgeMs = 9_000, LastError = "socket closed" },
        ],
        Engine = new EngineCounters(12_345, 17, 2, 0, 0, 0, 0),
    };

    public static BookTopRow Book(string instrument, BookHealth health, long? ageMs) =>
        new(instrument, health, 97_000.5m, 0.25m, 97_001.5m, 1.5m, 97_001m, 1m, ageMs is { } a ? Now.AddMilliseconds(-a) : null, ageMs, 97_000m);

    public static IndexValue Index(int included = 2, int minimum = 2)
    {
        VenueContribution[] venues =
        [
            new(new InstrumentId("coinbase", "BTC-USD"), 97_001m, 0.5m, VenueExclusion.None, 0.0001m, 12.5m),
            new(new InstrumentId("kraken", "XBT/USD"), 97_003m, included == 2 ? 0.5m : 0m, included == 2 ? VenueExclusion.None : VenueExclusion.Stale, null, 3m),
            new(new InstrumentId("bitstamp", "BTCUSD"), 98_200m, 0m, VenueExclusion.DeviatesFromMedian, 0.0123m, 1m),
        ];
        var usable = included >= minimum;
        var rti = new RtiResult(usable ? 97_001.9m : null, usable ? RtiOutage.None : RtiOutage.TooFewVenues, Quantity.Zero, 0, false, Quantity.Zero, 0, 0, 0, 0);
        return new IndexValue(NowNs - 1_000_000_000, usable ? 97_002m : null, rti, venues, MidWeighting.Equal, included, minimum);
    }

    public static IReadOnlyList<DecisionRecord> Decisions() =>
    [
        new(1, NowNs - 9_000_000_000, "KXBTC-T96000", DecisionKind.Skip, null, null, null, "no strike yet", null, null, null, null, null),
        new(2, NowNs - 5_000_000_000, "KXBTC-T97000", DecisionKind.Entry, SignalKind.FlashCrash, OutcomeSide.Yes, null, null, "ord-7", null, null, null,
            new DecisionInputs { FairYes = 0.62m, Price = 0.55m, Edge = 0.05m }),
        new(3, NowNs - 2_000_000_000, "KXBTC-T98000", DecisionKind.Entry, SignalKind.MeanReversion, OutcomeSide.No, "spread", "spread 0.08 > 0.05", null, null, null, null,
            new DecisionInputs { Price = 0.41m }),
        new(4, NowNs - 1_000_000_000, "KXBTC-T95000", DecisionKind.TradeClosed, SignalKind.DelayArbitrage, OutcomeSide.Yes, null, null, "ord-3", null, ExitReason.StopLoss, -1.25m, null),
    ];

    public static TerminalView View(TradingState state = TradingState.Active, string reason = "", IndexValue? index = null) =>
        new(Snapshot(state, reason), index ?? Index(), Decisions());
}
