// What a SimKalshiSession sends when the server itself is the market (the demo's simulated world) rather than a test: the same
// messages as the Push* methods, but to whoever happens to be subscribed - a session without the channel or market is skipped,
// not an error - and an orderbook_delta the server already applied to its book (once, for every session) is sent only to
// subscriptions whose last snapshot predates it: a snapshot taken after the change already holds it, and sending the delta too
// would count it twice. Sequenced messages take the send lock, so seq order is wire order as everywhere else.
namespace Edgewise.Simulators;

public sealed partial class SimKalshiSession
{
    /// <summary>Sends a delta the server applied at book version <paramref name="version"/>, unless the subscription's snapshot already holds it.</summary>
    internal async Task BroadcastDeltaAsync(string ticker, bool yes, decimal price, decimal delta, long version, long tsMs)
    {
        await _send.WaitAsync();
        try
        {
            if (Find(Orderbook, ticker) is not { } subscription
                || !subscription.SnapshotVersions.TryGetValue(ticker, out var snapshotVersion) || version <= snapshotVersion)
            {
                return;
            }

            await SendDeltaAsync(subscription, ticker, yes, price, delta, tsMs);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>A ticker message (stamped <paramref name="tsMs"/>) to the session's ticker subscription for the market, if it has one.</summary>
    internal Task BroadcastTickerAsync(string ticker, decimal yesBid, decimal yesAsk, decimal bidSize, decimal askSize, long tsMs) =>
        Find("ticker", ticker) is null
            ? Task.CompletedTask
            : SendTickerAsync(ticker, SimKalshiBook.Price(yesBid), SimKalshiBook.Price(yesAsk), SimKalshiBook.Size(bidSize), SimKalshiBook.Size(askSize), tsMs);

    /// <summary>A public trade (made at <paramref name="tsMs"/>) to the session's trade subscription for the market, if it has one.</summary>
    internal Task BroadcastTradeAsync(string ticker, decimal yesPrice, decimal count, bool takerBoughtYes, long tsMs) =>
        Find("trade", ticker) is null
            ? Task.CompletedTask
            : SendTradeAsync(ticker, SimKalshiBook.Price(yesPrice), SimKalshiBook.Size(count), takerBoughtYes ? "yes" : "no", tsMs);

    private Task SendTickerAsync(string ticker, string yesBid, string yesAsk, string bidSize, string askSize, long tsMs) =>
        SendLockedAsync(SimKalshiServer.Json(json =>
        {
            json.WriteString("type", "ticker");
            json.WriteNumber("sid", SidOf("ticker", ticker));
            json.WriteStartObject("msg");
            json.WriteString("market_ticker", ticker);
            json.WriteString("market_id", SimKalshiServer.MarketId(ticker));
            json.WriteString("price_dollars", yesBid);
            json.WriteString("yes_bid_dollars", yesBid);
            json.WriteString("yes_ask_dollars", yesAsk);
            json.WriteString("yes_bid_size_fp", bidSize);
            json.WriteString("yes_ask_size_fp", askSize);
            json.WriteString("volume_fp", "0.00");
            json.WriteString("open_interest_fp", "0.00");
            json.WriteNumber("ts", tsMs / 1000);
            json.WriteEndObject();
        }));

    private Task SendTradeAsync(string ticker, string yesPrice, string count, string takerSide, long tsMs) =>
        SendLockedAsync(SimKalshiServer.Json(json =>
        {
            var price = SimKalshiServer.Decimal(yesPrice);
            json.WriteString("type", "trade");
            json.WriteNumber("sid", SidOf("trade", ticker));
            json.WriteStartObject("msg");
            json.WriteString("trade_id", SimKalshiServer.MarketId($"{ticker}/{yesPrice}/{count}/{tsMs}"));
            json.WriteString("market_ticker", ticker);
            json.WriteString("yes_price_dollars", SimKalshiBook.Price(price));
            json.WriteString("no_price_dollars", SimKalshiBook.Price(1 - price));
            json.WriteString("count_fp", count);
            json.WriteString("taker_side", takerSide);
            json.WriteNumber("ts", tsMs / 1000);
            json.WriteEndObject();
        }));

    /// <summary>A cfbenchmarks_value tick to the session's index subscription, if it has one covering <paramref name="indexId"/>.</summary>
    internal Task BroadcastIndexValueAsync(string indexId, string value, long timeMs, string? average60s)
    {
        var subscription = Find("cfbenchmarks_value", null);
        return subscription is null || !(subscription.IndexIds.Count == 0 || subscription.IndexIds.Contains(indexId) || subscription.IndexIds.Contains("all"))
            ? Task.CompletedTask
            : PushIndexValueAsync(indexId, value, timeMs, average60s);
    }
}
