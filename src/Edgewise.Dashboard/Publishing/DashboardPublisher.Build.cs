// Building one snapshot from the engine's state: on the loop thread only (it reads the cache, the books and the
// portfolio). Marks: a healthy book's mid, else the last trade; a position with neither is valued at cost and shows
// no mark, rather than a guessed one. Everything is copied into immutable rows.
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Risk;

namespace Edgewise.Dashboard.Publishing;

public sealed partial class DashboardPublisher
{
    private const long NsPerMs = 1_000_000L;

    private DashboardSnapshot Build(long sequence)
    {
        var nowNs = _engine.Clock.GetUnixNs();
        var cache = _engine.Cache;
        var marks = new Dictionary<InstrumentId, decimal>();
        var books = new BookTopRow[cache.Instruments.Count];
        for (var i = 0; i < books.Length; i++)
        {
            books[i] = BookTop(cache.Instruments[i], nowNs, marks);
        }

        decimal? MarkOf(InstrumentId id) => marks.TryGetValue(id, out var mark) ? mark : null;

        var portfolio = cache.Portfolio;
        var positions = new List<PositionRow>(portfolio.Positions.Count);
        var unrealizedTotal = 0m;
        var openPositions = 0;
        foreach (var position in portfolio.Positions)
        {
            var mark = MarkOf(position.Instrument);
            decimal? unrealized = position.IsFlat ? 0m : mark is { } m ? PositionMath.Unrealized(position, m) : null;
            unrealizedTotal += unrealized ?? 0m;
            openPositions += position.IsFlat ? 0 : 1;
            positions.Add(new PositionRow(
                position.Instrument.ToString(),
                position.NetQuantity.ToDecimal(),
                position.AverageEntryPrice,
                position.CostBasis,
                mark,
                unrealized,
                position.RealizedPnl,
                position.FeesPaid,
                position.Funding,
                position.OpenedAt is { } opened ? UnixTime.FromUnixNs(opened) : null));
        }

        positions.Sort(static (a, b) => string.CompareOrdinal(a.Instrument, b.Instrument));
        var netPnl = portfolio.RealizedPnl - portfolio.FeesPaid + portfolio.Funding + unrealizedTotal;
        var summary = new PortfolioSummary(
            portfolio.Ledger.Cash,
            portfolio.Ledger.NetDeposits,
            portfolio.RealizedPnl,
            portfolio.FeesPaid,
            portfolio.Funding,
            unrealizedTotal,
            netPnl,
            portfolio.Ledger.NetDeposits + netPnl,
            openPositions);

        var open = cache.OpenOrders.ToList();
        open.Sort(static (a, b) => a.TsCreated != b.TsCreated ? a.TsCreated.CompareTo(b.TsCreated) : string.CompareOrdinal(a.ClientOrderId, b.ClientOrderId));
        var orders = open.Take(_options.MaxOpenOrders).Select(OrderRowOf).ToArray();

        var fills = _fills.ToArray();
        Array.Reverse(fills);

        var risk = _engine.Risk;
        var feeds = _feeds?.Invoke().ToArray() ?? [];
        return new DashboardSnapshot
        {
            Sequence = sequence,
            Time = UnixTime.FromUnixNs(nowNs),
            Risk = new RiskStatus(risk.State, risk.StateReason, risk.DailyRealizedPnl, risk.ConsecutiveLosses, risk.Limits),
            Portfolio = summary,
            Positions = positions,
            OpenOrders = orders,
            OpenOrderCount = open.Count,
            RecentFills = fills,
            TotalFills = _fills.TotalAdded,
            Strategies = StrategyRows(open, MarkOf),
            Equity = _equity.Record(nowNs, summary.Equity, netPnl),
            Books = books,
            Feeds = feeds,
            Engine = new EngineCounters(
                _engine.MessagesDispatched,
                _engine.Inbox.DataDropped,
                _engine.Inbox.PendingData,
                _engine.Inbox.PendingCommands,
                _engine.Data.UnknownInstrumentMessages,
                _engine.Execution.UnknownOrderEvents,
                _engine.Execution.RefusedOrderEvents),
        };
    }

    private BookTopRow BookTop(Instrument instrument, long nowNs, Dictionary<InstrumentId, decimal> marks)
    {
        var id = instrument.Id;
        decimal? lastTrade = _engine.Cache.TryGetLastTrade(id, out var trade) ? trade.Price.ToDecimal() : null;
        if (!_engine.Cache.TryGetBook(id, out var book))
        {
            return new BookTopRow(id.ToString(), BookHealth.AwaitingSnapshot, null, null, null, null, null, null, null, null, lastTrade);
        }

        var hasBid = book.TryGetBestBid(out var bid);
        var hasAsk = book.TryGetBestAsk(out var ask);
        decimal? mid = hasBid && hasAsk ? (bid.Price.ToDecimal() + ask.Price.ToDecimal()) / 2m : null;
        decimal? spread = hasBid && hasAsk ? ask.Price.ToDecimal() - bid.Price.ToDecimal() : null;
        var mark = book.Health == BookHealth.Healthy && mid is not null ? mid : lastTrade;
        if (mark is { } value)
        {
            marks[id] = value;
        }

        var changed = book.TsRecv > 0;
        return new BookTopRow(
            id.ToString(),
            book.Health,
            hasBid ? bid.Price.ToDecimal() : null,
            hasBid ? bid.Size.ToDecimal() : null,
            hasAsk ? ask.Price.ToDecimal() : null,
            hasAsk ? ask.Size.ToDecimal() : null,
            mid,
            spread,
            changed ? UnixTime.FromUnixNs(book.TsRecv) : null,
            changed ? Math.Max(0L, (nowNs - book.TsRecv) / NsPerMs) : null,
            lastTrade);
    }

    private StrategyPnlRow[] StrategyRows(List<Order> openOrders, Func<InstrumentId, decimal?> markOf)
    {
        var ids = new List<string>();
        var faults = new Dictionary<string, Exception?>(StringComparer.Ordinal);
        foreach (var strategy in _engine.Strategies.Strategies)
        {
            if (strategy is not DashboardTicker)
            {
                ids.Add(strategy.Id);
                faults[strategy.Id] = strategy.Fault;
            }
        }

        foreach (var id in _strategies.StrategyIds)
        {
            if (!faults.ContainsKey(id))
            {
                ids.Add(id);
                faults[id] = null;
            }
        }

        var rows = new StrategyPnlRow[ids.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var id = ids[i];
            var (realized, fees, unrealized, fills) = _strategies.Figures(id, markOf);
            var fault = faults[id];
            var open = openOrders.Count(o => string.Equals(o.StrategyId, id, StringComparison.Ordinal));
            rows[i] = new StrategyPnlRow(id, fault is null ? "running" : "faulted", fault?.Message, realized, fees, unrealized, realized - fees + unrealized, fills, open);
        }

        return rows;
    }

    private static OrderRow OrderRowOf(Order order) => new(
        order.ClientOrderId,
        order.StrategyId,
        order.Instrument.ToString(),
        order.Side,
        order.Type,
        order.TimeInForce,
        order.Type == OrderType.Market ? null : order.Price.ToDecimal(),
        order.Quantity.ToDecimal(),
        order.FilledQuantity.ToDecimal(),
        order.LeavesQuantity.ToDecimal(),
        order.AverageFillPrice,
        order.Status,
        UnixTime.FromUnixNs(order.TsCreated),
        order.VenueOrderId);

    private static DashboardSnapshot Empty(DateTimeOffset time) => new()
    {
        Sequence = 0,
        Time = time,
        Risk = new RiskStatus(TradingState.Active, string.Empty, 0m, 0, new RiskLimits()),
        Portfolio = new PortfolioSummary(0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0),
        Positions = [],
        OpenOrders = [],
        OpenOrderCount = 0,
        RecentFills = [],
        TotalFills = 0,
        Strategies = [],
        Equity = [],
        Books = [],
        Feeds = [],
        Engine = new EngineCounters(0, 0, 0, 0, 0, 0, 0),
    };
}
