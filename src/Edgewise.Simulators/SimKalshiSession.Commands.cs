// The commands a SimKalshiSession answers (see the note in SimKalshiSession.cs): subscribe, unsubscribe, update_subscription.
using System.Text.Json;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiSession
{
    /// <summary>Answers one command; called holding the send lock.</summary>
    private async Task HandleAsync(SimKalshiCommand command)
    {
        switch (command.Cmd)
        {
            case "subscribe":
                await SubscribeAsync(command);
                break;
            case "unsubscribe":
                foreach (var sid in command.Numbers("sids"))
                {
                    bool removed;
                    lock (_gate)
                    {
                        removed = _subscriptions.Remove(sid);
                    }

                    await SendAsync(removed
                        ? SimKalshiServer.Json(json =>
                        {
                            json.WriteNumber("id", command.Id);
                            json.WriteString("type", "unsubscribed");
                            json.WriteNumber("sid", sid);
                        })
                        : ErrorJson(command.Id, sid, 7, "Unknown subscription ID"));
                }

                break;
            case "update_subscription":
                await UpdateAsync(command);
                break;
            default:
                await SendAsync(ErrorJson(command.Id, null, 5, "Unknown command"));
                break;
        }
    }

    private async Task SubscribeAsync(SimKalshiCommand command)
    {
        var channels = command.Strings("channels");
        var tickers = command.Strings("market_tickers").ToList();
        if (command.Params.TryGetProperty("market_ticker", out var one) && one.GetString() is { } single)
        {
            tickers.Add(single);
        }

        foreach (var channel in channels)
        {
            if (channel is not (Orderbook or "ticker" or "trade" or "cfbenchmarks_value" or FillChannel or UserOrdersChannel))
            {
                await SendAsync(ErrorJson(command.Id, null, 8, "Unknown channel name"));
                continue;
            }

            if (channel == Orderbook && tickers.Count == 0)
            {
                await SendAsync(ErrorJson(command.Id, null, 14, "Market Ticker required"));
                continue;
            }

            SimKalshiSubscription subscription;
            lock (_gate)
            {
                subscription = new SimKalshiSubscription(++_lastSid, channel, command.Id, tickers, command.Strings("index_ids"), command.UseYesPrice ?? false);
                _subscriptions.Add(subscription.Sid, subscription);
            }

            await SendAsync(SimKalshiServer.Json(json =>
            {
                json.WriteNumber("id", command.Id);
                json.WriteString("type", "subscribed");
                json.WriteStartObject("msg");
                json.WriteString("channel", channel);
                json.WriteNumber("sid", subscription.Sid);
                json.WriteEndObject();
            }));
            if (channel == Orderbook)
            {
                foreach (var ticker in tickers)
                {
                    await SendSnapshotAsync(subscription, ticker);
                }
            }
        }
    }

    private async Task UpdateAsync(SimKalshiCommand command)
    {
        var sid = command.Params.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : command.Numbers("sids") is [var first, ..] ? first : 0;
        var action = command.Params.TryGetProperty("action", out var a) ? a.GetString() : null;
        SimKalshiSubscription? subscription;
        lock (_gate)
        {
            _subscriptions.TryGetValue(sid, out subscription);
        }

        if (subscription is null)
        {
            await SendAsync(ErrorJson(command.Id, sid, 7, "Unknown subscription ID"));
            return;
        }

        var tickers = command.Strings("market_tickers");
        switch (action)
        {
            case "get_snapshot":
                foreach (var ticker in subscription.Tickers)
                {
                    await SendSnapshotAsync(subscription, ticker);
                }

                break;
            case "add_markets":
                subscription.Tickers = [.. subscription.Tickers.Union(tickers)];
                foreach (var ticker in tickers)
                {
                    await SendSnapshotAsync(subscription, ticker);
                }

                break;
            case "delete_markets":
                subscription.Tickers = [.. subscription.Tickers.Except(tickers)];
                break;
            default:
                await SendAsync(ErrorJson(command.Id, sid, 13, "Unsupported action"));
                return;
        }

        await SendAsync(SimKalshiServer.Json(json =>
        {
            json.WriteNumber("id", command.Id);
            json.WriteString("type", "ok");
            json.WriteNumber("sid", sid);
        }));
    }

    /// <summary>Sends the market's book at the subscription's next seq; call holding the send lock.</summary>
    private Task SendSnapshotAsync(SimKalshiSubscription subscription, string ticker)
    {
        var (yes, no, version) = _server.CopyBook(ticker);
        subscription.SnapshotVersions[ticker] = version;
        var seq = subscription.NextSeq++;
        return SendAsync(SimKalshiServer.Json(json =>
        {
            json.WriteString("type", "orderbook_snapshot");
            json.WriteNumber("sid", subscription.Sid);
            json.WriteNumber("seq", seq);
            json.WriteStartObject("msg");
            json.WriteString("market_ticker", ticker);
            json.WriteString("market_id", SimKalshiServer.MarketId(ticker));
            WriteSide(json, "yes_dollars_fp", yes.Select(l => (l.Key, l.Value)));
            // use_yes_price=true: a NO bid at q is sent as the YES price 1 − q.
            WriteSide(json, "no_dollars_fp", no.Select(l => (subscription.UseYesPrice ? 1 - l.Key : l.Key, l.Value)).OrderBy(l => l.Item1));
            json.WriteEndObject();
        }));

        static void WriteSide(Utf8JsonWriter json, string name, IEnumerable<(decimal Price, decimal Size)> levels)
        {
            var list = levels.ToList();
            if (list.Count == 0)
            {
                return; // Kalshi leaves an empty side's key out
            }

            json.WriteStartArray(name);
            foreach (var (price, size) in list)
            {
                json.WriteStartArray();
                json.WriteStringValue(SimKalshiBook.Price(price));
                json.WriteStringValue(SimKalshiBook.Size(size));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }
    }
}
