// One unit of work for the engine loop, as a struct so queues of them allocate nothing per message.
// Market data carries its payload inline (a BookUpdate is a pooled copy owned by the message); commands carry
// an object payload (an order event, a timer registration, a settlement or funding payment, posted work) or a trading state with its reason.
using Edgewise.Core.Events;
using Edgewise.Core.Orders;
using Edgewise.Engine.Risk;
using Edgewise.Engine.Strategies;

namespace Edgewise.Engine.Loop;

internal enum EngineMessageKind : byte
{
    BookUpdate = 0,
    Trade = 1,
    Quote = 2,
    BookStatus = 3,
    /// <summary>A venue's order event, to apply and publish.</summary>
    OrderEvent = 4,
    /// <summary>An order event already applied (a denial), only to publish.</summary>
    PublishOrderEvent = 5,
    Timer = 6,
    SetTradingState = 7,
    /// <summary>Halt and cancel every open order.</summary>
    KillSwitch = 8,
    /// <summary>A contract settled: close the position at the settlement price.</summary>
    Settlement = 9,
    Funding = 10,
    /// <summary>Work posted to run on the loop thread (a simulated venue's order arriving after its latency).</summary>
    Callback = 11,
}

internal readonly struct EngineMessage
{
    private EngineMessage(EngineMessageKind kind, BookUpdate? book = null, TradeTick trade = default, QuoteTick quote = default,
        BookStatus status = default, object? payload = null, TradingState state = default, string? text = null)
    {
        Kind = kind;
        Book = book;
        Trade = trade;
        Quote = quote;
        Status = status;
        Payload = payload;
        State = state;
        Text = text;
    }

    public EngineMessageKind Kind { get; }

    public BookUpdate? Book { get; }

    public TradeTick Trade { get; }

    public QuoteTick Quote { get; }

    public BookStatus Status { get; }

    public object? Payload { get; }

    public TradingState State { get; }

    public string? Text { get; }

    public bool IsMarketData => Kind <= EngineMessageKind.BookStatus;

    public static EngineMessage ForBook(BookUpdate pooledCopy) => new(EngineMessageKind.BookUpdate, book: pooledCopy);

    public static EngineMessage ForTrade(in TradeTick trade) => new(EngineMessageKind.Trade, trade: trade);

    public static EngineMessage ForQuote(in QuoteTick quote) => new(EngineMessageKind.Quote, quote: quote);

    public static EngineMessage ForStatus(in BookStatus status) => new(EngineMessageKind.BookStatus, status: status);

    public static EngineMessage ForOrderEvent(OrderEvent orderEvent) => new(EngineMessageKind.OrderEvent, payload: orderEvent);

    public static EngineMessage ForPublish(OrderEvent orderEvent) => new(EngineMessageKind.PublishOrderEvent, payload: orderEvent);

    public static EngineMessage ForTimer(TimerService.Registration registration) => new(EngineMessageKind.Timer, payload: registration);

    public static EngineMessage ForState(TradingState state, string reason) => new(EngineMessageKind.SetTradingState, state: state, text: reason);

    public static EngineMessage ForKillSwitch(string reason) => new(EngineMessageKind.KillSwitch, text: reason);

    public static EngineMessage ForSettlement(PortfolioEvent settlement) => new(EngineMessageKind.Settlement, payload: settlement);

    public static EngineMessage ForFunding(PortfolioEvent funding) => new(EngineMessageKind.Funding, payload: funding);

    public static EngineMessage ForCallback(Action work) => new(EngineMessageKind.Callback, payload: work);
}
