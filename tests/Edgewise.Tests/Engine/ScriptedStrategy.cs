using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Orders;
using Edgewise.Engine.Strategies;

namespace Edgewise.Tests.Engine;

/// <summary>A test strategy: logs every callback as text, in order, and runs optional hooks on them.</summary>
internal sealed class ScriptedStrategy(string id = "s1") : Strategy(id)
{
    public List<string> Log { get; } = [];

    public StrategyContext Ctx => Context;

    public Action<ScriptedStrategy>? Started { get; set; }

    public Action<ScriptedStrategy, IOrderBook>? BookHook { get; set; }

    public Action<ScriptedStrategy, TradeTick>? TradeHook { get; set; }

    public Action<ScriptedStrategy, TimerEvent>? TimerHook { get; set; }

    public Action<ScriptedStrategy, OrderEvent>? OrderEventHook { get; set; }

    public List<OrderEvent> OrderEvents { get; } = [];

    public override void OnStart()
    {
        Log.Add("start");
        Started?.Invoke(this);
    }

    public override void OnStop() => Log.Add("stop");

    public override void OnBook(IOrderBook book)
    {
        Log.Add($"book {book.Instrument.Symbol}");
        BookHook?.Invoke(this, book);
    }

    public override void OnTrade(in TradeTick trade)
    {
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"trade {trade.Instrument.Symbol} {trade.TradeId}"));
        TradeHook?.Invoke(this, trade);
    }

    public override void OnQuote(in QuoteTick quote) => Log.Add($"quote {quote.Instrument.Symbol}");

    public override void OnBookStatus(in BookStatus status) => Log.Add($"status {status.Instrument.Symbol} {status.Health}");

    public override void OnTimer(in TimerEvent timer)
    {
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"timer {timer.Name} {timer.TsNs}"));
        TimerHook?.Invoke(this, timer);
    }

    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        OrderEvents.Add(orderEvent);
        Log.Add(orderEvent switch
        {
            OrderDenied denied => $"denied {denied.ClientOrderId} {denied.Reason}",
            _ => $"{orderEvent.GetType().Name} {orderEvent.ClientOrderId}",
        });
        OrderEventHook?.Invoke(this, orderEvent);
    }

    public override void OnFill(Order order, in Fill fill) => Log.Add($"fill {order.ClientOrderId} {fill.TradeId} {fill.Quantity}@{fill.Price}");
}
