// The engine's current view of the world: instruments and their books, last trade and quote per
// instrument, every order by client order id (open ones indexed separately), and the portfolio.
// Only the engine loop writes it (internal setters); strategies, risk and the dashboard's snapshot code read it.
// Per-instrument state lives in one object so a market-data message costs one dictionary lookup, and the
// last instrument looked up is remembered by reference because parsers reuse their InstrumentId instances.
using System.Diagnostics.CodeAnalysis;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;

namespace Edgewise.Engine;

public sealed class Cache
{
    private readonly Func<Instrument, IOrderBook> _bookFactory;
    private readonly Dictionary<InstrumentId, InstrumentState> _instruments = [];
    private readonly List<Instrument> _instrumentList = [];
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Order> _openOrders = new(StringComparer.Ordinal);
    private InstrumentId? _lastId;
    private InstrumentState? _lastState;

    public Cache(Func<Instrument, IOrderBook> bookFactory, Portfolio? portfolio = null)
    {
        ArgumentNullException.ThrowIfNull(bookFactory);
        _bookFactory = bookFactory;
        Portfolio = portfolio ?? new Portfolio();
    }

    public Portfolio Portfolio { get; }

    /// <summary>Registered instruments, in registration order.</summary>
    public IReadOnlyList<Instrument> Instruments => _instrumentList;

    /// <summary>Every order submitted in this run, terminal ones included.</summary>
    public IReadOnlyCollection<Order> Orders => _orders.Values;

    /// <summary>Orders not yet terminal (New, Accepted, PartiallyFilled).</summary>
    public IReadOnlyCollection<Order> OpenOrders => _openOrders.Values;

    /// <summary>
    /// Registers an instrument and creates its book. <paramref name="eventKey"/> groups instruments that
    /// settle on the same event (a Kalshi event ticker) for the per-event notional limit; null for none.
    /// </summary>
    public void AddInstrument(Instrument instrument, string? eventKey = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_instruments.ContainsKey(instrument.Id))
        {
            throw new InvalidOperationException($"Instrument {instrument.Id} is already registered.");
        }

        var book = _bookFactory(instrument) ?? throw new InvalidOperationException($"The book factory returned null for {instrument.Id}.");
        _instruments.Add(instrument.Id, new InstrumentState(instrument, book, eventKey));
        _instrumentList.Add(instrument);
    }

    public bool TryGetInstrument(InstrumentId id, [NotNullWhen(true)] out Instrument? instrument)
    {
        var found = TryGetState(id, out var state);
        instrument = state?.Instrument;
        return found;
    }

    public bool TryGetBook(InstrumentId id, [NotNullWhen(true)] out IOrderBook? book)
    {
        var found = TryGetState(id, out var state);
        book = state?.Book;
        return found;
    }

    /// <summary>The event the instrument belongs to, or null.</summary>
    public string? EventKeyOf(InstrumentId id) => TryGetState(id, out var state) ? state.EventKey : null;

    public bool TryGetLastTrade(InstrumentId id, out TradeTick trade)
    {
        if (TryGetState(id, out var state) && state.HasTrade)
        {
            trade = state.LastTrade;
            return true;
        }

        trade = default;
        return false;
    }

    public bool TryGetLastQuote(InstrumentId id, out QuoteTick quote)
    {
        if (TryGetState(id, out var state) && state.HasQuote)
        {
            quote = state.LastQuote;
            return true;
        }

        quote = default;
        return false;
    }

    public bool TryGetOrder(string clientOrderId, [NotNullWhen(true)] out Order? order) =>
        _orders.TryGetValue(clientOrderId, out order);

    public bool TryGetPosition(InstrumentId id, [NotNullWhen(true)] out Position? position)
    {
        var found = Portfolio.TryGetPosition(id, out var p);
        position = found ? p : null;
        return found;
    }

    internal bool TryGetState(InstrumentId id, [NotNullWhen(true)] out InstrumentState? state)
    {
        if (ReferenceEquals(id, _lastId) && _lastState is not null)
        {
            state = _lastState;
            return true;
        }

        if (_instruments.TryGetValue(id, out state))
        {
            _lastId = id;
            _lastState = state;
            return true;
        }

        return false;
    }

    internal void AddOrder(Order order)
    {
        _orders.Add(order.ClientOrderId, order);
        if (order.IsOpen)
        {
            _openOrders.Add(order.ClientOrderId, order);
        }
    }

    /// <summary>Drops a now-terminal order from the open index.</summary>
    internal void OrderClosed(Order order) => _openOrders.Remove(order.ClientOrderId);

    /// <summary>Mutable per-instrument state; one object so each market-data message is one lookup.</summary>
    internal sealed class InstrumentState(Instrument instrument, IOrderBook book, string? eventKey)
    {
        public Instrument Instrument { get; } = instrument;

        public IOrderBook Book { get; } = book;

        public string? EventKey { get; } = eventKey;

        public TradeTick LastTrade;

        public bool HasTrade;

        public QuoteTick LastQuote;

        public bool HasQuote;
    }
}
