// Simulated Coinbase Advanced Trade market data (FACTS §1.2-1.3), as CoinbaseDataClient expects it: one channel per subscribe
// message ({"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}), each answered on the subscriptions channel with
// the connection's whole subscription map; level2 answers with an l2_data snapshot (all levels, bids and offers) and then sends
// l2_data updates (new absolute quantities, "0" removes); market_trades (snapshot of recent trades, then updates, side = the
// taker's), ticker (best bid/ask on every change of the touch or trade) and heartbeats (one a second with a counter). Every
// message carries sequence_num, counting every message on the connection from 1 across channels, which is how the client sees
// a gap; an unsubscribe + subscribe of level2 (the client's renewal after a gap) brings a fresh snapshot. Only BTC-USD is listed.
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Edgewise.Simulators.Market;

internal sealed class CoinbaseSim : SpotVenueSim<CoinbaseSim.ClientState>
{
    public const string Product = "BTC-USD";

    private const int RecentTrades = 20;

    private readonly Queue<string> _recentTrades = new();
    private long _nextTradeId = 900_000_000;
    private decimal _lastPrice;
    private decimal _volume;
    private (decimal Bid, decimal Ask) _lastTouch;

    public CoinbaseSim(int seed, Lock world)
        : base("coinbase", SpotBookShape.Coinbase, seed, world, updateProbability: 0.7, tradeProbability: 0.15)
    {
    }

    protected override bool IsFullySubscribed(ClientState state) => state.Level2 && state.Trades && state.Ticker && state.Heartbeats;

    protected override ClientState CreateState(SimWebSocketConnection connection) => new();

    protected override void OnMessage(SimClient<ClientState> client, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var type = Text(root, "type");
        var channel = Text(root, "channel");
        var products = root.TryGetProperty("product_ids", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList()
            : [];
        if (type is not ("subscribe" or "unsubscribe") || channel is null)
        {
            Send(client, Error("Failed to subscribe", "message must have a type of subscribe or unsubscribe and a channel"));
            return;
        }

        if (channel != "heartbeats" && (products.Count == 0 || products.Any(p => p != Product)))
        {
            Send(client, Error("Failed to subscribe", $"{string.Join(',', products.Where(p => p != Product).DefaultIfEmpty("(none)"))} is not a valid product"));
            return;
        }

        var on = type == "subscribe";
        var state = client.State;
        switch (channel)
        {
            case "level2":
                state.Level2 = on;
                break;
            case "market_trades":
                state.Trades = on;
                break;
            case "ticker":
                state.Ticker = on;
                break;
            case "heartbeats":
                state.Heartbeats = on;
                break;
            default:
                Send(client, Error("Failed to subscribe", $"channel {channel} is not supported by the simulated venue"));
                return;
        }

        Send(client, Envelope(client, "subscriptions", state.SubscriptionsEvent()));
        if (!on)
        {
            return;
        }

        if (channel == "level2")
        {
            Send(client, Envelope(client, "l2_data", BookEvent("snapshot", Book.Bids.Select(l => (true, l.Key, l.Value)).Concat(Book.Asks.Select(l => (false, l.Key, l.Value))))));
        }
        else if (channel == "market_trades")
        {
            Send(client, Envelope(client, "market_trades", $$"""[{"type":"snapshot","trades":[{{string.Join(',', _recentTrades.Reverse())}}]}]"""));
        }
        else if (channel == "ticker")
        {
            Send(client, Envelope(client, "ticker", TickerEvent("snapshot")));
        }
    }

    protected override void Publish(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade, bool onWholeSecond)
    {
        string? tradeEvent = null;
        if (trade is { } t)
        {
            // Trades are written whether anyone listens or not: their ids, and the recent trades a new subscriber is sent, never
            // depend on when a client came.
            var json = string.Create(CultureInfo.InvariantCulture,
                $$"""{"trade_id":"{{_nextTradeId++}}","product_id":"{{Product}}","price":"{{SimWire.Fixed(t.Price, 2)}}","size":"{{SimWire.Fixed(t.Size, 8)}}","side":"{{(t.TakerBuys ? "BUY" : "SELL")}}","time":"{{SimWire.Rfc3339(nowNs)}}"}""");
            _recentTrades.Enqueue(json);
            if (_recentTrades.Count > RecentTrades)
            {
                _recentTrades.Dequeue();
            }

            (_lastPrice, _volume) = (t.Price, _volume + t.Size);
            tradeEvent = $$"""[{"type":"update","trades":[{{json}}]}]""";
        }

        if (Clients.Count == 0)
        {
            _lastTouch = (Book.BestBid, Book.BestAsk);
            return;
        }

        var bookEvent = changes.Count > 0 ? BookEvent("update", changes.Select(c => (c.IsBid, c.Price, c.Size))) : null;
        var touch = (Book.BestBid, Book.BestAsk);
        var tickerEvent = trade is not null || touch != _lastTouch ? TickerEvent("update") : null;
        _lastTouch = touch;
        foreach (var client in Clients)
        {
            var state = client.State;
            if (bookEvent is not null && state.Level2)
            {
                Send(client, Envelope(client, "l2_data", bookEvent));
            }

            if (tradeEvent is not null && state.Trades)
            {
                Send(client, Envelope(client, "market_trades", tradeEvent));
            }

            if (tickerEvent is not null && state.Ticker)
            {
                Send(client, Envelope(client, "ticker", tickerEvent));
            }

            if (onWholeSecond && state.Heartbeats)
            {
                var counter = ++state.HeartbeatCounter;
                var time = SimWire.GoTime(nowNs);
                Send(client, Envelope(client, "heartbeats", $$"""[{"current_time":"{{time}} +0000 UTC m=+{{counter}}.000000001","heartbeat_counter":{{counter}}}]"""));
            }
        }
    }

    private static void Send(SimClient<ClientState> client, string frame) => client.Send(frame);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Error(string message, string reason) =>
        $$"""{"type":"error","message":"{{message}}","reason":"{{JsonEncodedText.Encode(reason)}}"}""";

    /// <summary>{"channel":…,"client_id":"","timestamp":…,"sequence_num":N,"events":…} with the connection's next sequence_num.</summary>
    private string Envelope(SimClient<ClientState> client, string channel, string events) =>
        $$"""{"channel":"{{channel}}","client_id":"","timestamp":"{{SimWire.Rfc3339(NowNs)}}","sequence_num":{{++client.State.Sequence}},"events":{{events}}}""";

    private string BookEvent(string type, IEnumerable<(bool IsBid, decimal Price, decimal Size)> levels)
    {
        var time = SimWire.Rfc3339(NowNs);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""[{"type":"{{type}}","product_id":"{{Product}}","updates":[""");
        var first = true;
        foreach (var (isBid, price, size) in levels)
        {
            json.Append(first ? string.Empty : ",");
            json.Append(CultureInfo.InvariantCulture,
                $$"""{"side":"{{(isBid ? "bid" : "offer")}}","event_time":"{{time}}","price_level":"{{SimWire.Fixed(price, 2)}}","new_quantity":"{{SimWire.Fixed(size, 8)}}"}""");
            first = false;
        }

        return json.Append("]}]").ToString();
    }

    private string TickerEvent(string type)
    {
        var bid = Book.Bids.FirstOrDefault();
        var ask = Book.Asks.FirstOrDefault();
        var last = _lastPrice == 0m ? bid.Key : _lastPrice;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""[{"type":"{{type}}","tickers":[{"type":"ticker","product_id":"{{Product}}","price":"{{SimWire.Fixed(last, 2)}}","volume_24_h":"{{SimWire.Fixed(_volume, 8)}}","low_24_h":"{{SimWire.Fixed(last, 2)}}","high_24_h":"{{SimWire.Fixed(last, 2)}}","low_52_w":"{{SimWire.Fixed(last, 2)}}","high_52_w":"{{SimWire.Fixed(last, 2)}}","price_percent_chg_24_h":"0.00","best_bid":"{{SimWire.Fixed(bid.Key, 2)}}","best_bid_quantity":"{{SimWire.Fixed(bid.Value, 8)}}","best_ask":"{{SimWire.Fixed(ask.Key, 2)}}","best_ask_quantity":"{{SimWire.Fixed(ask.Value, 8)}}"}]}]""");
    }

    /// <summary>One connection's subscriptions and its sequence_num and heartbeat counters.</summary>
    internal sealed class ClientState
    {
        public long Sequence { get; set; }

        public long HeartbeatCounter { get; set; }

        public bool Level2 { get; set; }

        public bool Trades { get; set; }

        public bool Ticker { get; set; }

        public bool Heartbeats { get; set; }

        public string SubscriptionsEvent()
        {
            var parts = new List<string>();
            foreach (var (name, on) in new[] { ("level2", Level2), ("market_trades", Trades), ("ticker", Ticker) })
            {
                if (on)
                {
                    parts.Add($"\"{name}\":[\"{Product}\"]");
                }
            }

            if (Heartbeats)
            {
                parts.Add("\"heartbeats\":[\"heartbeats\"]");
            }

            return "[{\"subscriptions\":{" + string.Join(',', parts) + "}}]";
        }
    }
}
