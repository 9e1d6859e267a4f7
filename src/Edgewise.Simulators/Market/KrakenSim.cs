// Simulated Kraken WebSocket v2 (FACTS §2.2-2.4), as KrakenDataClient expects it: a status message on connect; subscribe
// ({"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10,"snapshot":true},"req_id":1}) answered per
// symbol with a method reply (success, time_in/time_out, req_id), then for book a snapshot of the subscribed depth; book updates
// with price and qty as JSON numbers at BTC/USD's precision (1 and 8 decimals) and the CRC32 of the top ten levels a side
// computed by the Venues' own KrakenBookChecksum; trade and ticker updates; a heartbeat every second while subscribed; and the
// application ping answered with a pong. Each connection is sent the book of its subscribed depth: every level that entered or
// changed in that view, and a removal for a level that left it by being deleted; a level pushed out by better ones is not
// mentioned, because the client truncates to its depth as Kraken's clients must - so the checksum only verifies if it does.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Kraken;

namespace Edgewise.Simulators.Market;

internal sealed class KrakenSim : SpotVenueSim<KrakenSim.ClientState>
{
    public const string Symbol = "BTC/USD";

    private static readonly KrakenPrecision Precision = KrakenPrecision.BtcUsd;

    private long _nextTradeId = 80_000_000;
    private long _connections;
    private decimal _lastPrice;
    private decimal _volume;
    private (decimal Bid, decimal Ask) _lastTouch;

    public KrakenSim(int seed, Lock world)
        : base("kraken", SpotBookShape.Kraken, seed, world, updateProbability: 0.5, tradeProbability: 0.1)
    {
    }

    protected override bool IsFullySubscribed(ClientState state) => state.Depth > 0 && state.Trades && state.Ticker;

    protected override ClientState CreateState(SimWebSocketConnection connection) => new();

    protected override void OnConnected(SimClient<ClientState> client) =>
        client.Send($$"""{"channel":"status","type":"update","data":[{"version":"2.0.10","system":"online","api_version":"v2","connection_id":{{++_connections + 4_000_000}}}]}""");

    protected override void OnMessage(SimClient<ClientState> client, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var method = root.TryGetProperty("method", out var m) ? m.GetString() : null;
        var reqId = root.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : (long?)null;
        var now = SimWire.Rfc3339(NowNs);
        var times = "\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"";
        var req = reqId is { } id ? ",\"req_id\":" + SimWire.Integer(id) : string.Empty;
        if (method == "ping")
        {
            client.Send($$"""{"method":"pong"{{req}},{{times}}}""");
            return;
        }

        var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var channel = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("channel", out var c) ? c.GetString() : null;
        if (method is not ("subscribe" or "unsubscribe") || channel is not ("book" or "trade" or "ticker"))
        {
            client.Send($$"""{"error":"Unsupported request","method":"{{JsonEncodedText.Encode(method ?? string.Empty)}}","success":false{{req}},{{times}}}""");
            return;
        }

        var depth = channel == "book" && parameters.TryGetProperty("depth", out var d) && d.TryGetInt32(out var value) ? value : 10;
        var symbols = parameters.TryGetProperty("symbol", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList()
            : [];
        foreach (var symbol in symbols)
        {
            if (symbol != Symbol || (channel == "book" && !KrakenBookSync.IsValidDepth(depth)))
            {
                var error = symbol != Symbol ? $"Currency pair not supported {symbol}" : "Invalid depth";
                client.Send($$"""{"error":"{{JsonEncodedText.Encode(error)}}","method":"{{method}}","success":false,"symbol":"{{JsonEncodedText.Encode(symbol)}}"{{req}},{{times}}}""");
                continue;
            }

            var on = method == "subscribe";
            var state = client.State;
            var extra = channel == "book" ? ",\"depth\":" + SimWire.Integer(depth) : string.Empty;
            extra += on ? (channel == "trade" ? ",\"snapshot\":false" : ",\"snapshot\":true") : string.Empty;
            client.Send($$"""{"method":"{{method}}","result":{"channel":"{{channel}}"{{extra}},"symbol":"{{Symbol}}"},"success":true{{req}},{{times}}}""");
            switch (channel)
            {
                case "book":
                    state.Depth = on ? depth : 0;
                    state.ViewBids.Clear();
                    state.ViewAsks.Clear();
                    if (on)
                    {
                        SendBook(client, "snapshot");
                    }

                    break;
                case "trade":
                    state.Trades = on;
                    break;
                default:
                    state.Ticker = on;
                    if (on)
                    {
                        client.Send(Ticker("snapshot"));
                    }

                    break;
            }
        }
    }

    protected override void Publish(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade, bool onWholeSecond)
    {
        string? tradeFrame = null;
        if (trade is { } t)
        {
            (_lastPrice, _volume) = (t.Price, _volume + t.Size);
            var id = _nextTradeId++; // counted whether anyone listens or not: ids never depend on when a client came
            tradeFrame = Clients.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $$"""{"channel":"trade","type":"update","data":[{"symbol":"{{Symbol}}","side":"{{(t.TakerBuys ? "buy" : "sell")}}","price":{{Px(t.Price)}},"qty":{{Qty(t.Size)}},"ord_type":"market","trade_id":{{id}},"timestamp":"{{SimWire.Rfc3339(nowNs)}}"}]}""");
        }

        if (Clients.Count == 0)
        {
            _lastTouch = (Book.BestBid, Book.BestAsk);
            return;
        }

        var touch = (Book.BestBid, Book.BestAsk);
        var tickerFrame = trade is not null || touch != _lastTouch ? Ticker("update") : null;
        _lastTouch = touch;
        foreach (var client in Clients)
        {
            var state = client.State;
            if (changes.Count > 0 && state.Depth > 0)
            {
                SendBook(client, "update");
            }

            if (tradeFrame is not null && state.Trades)
            {
                client.Send(tradeFrame);
            }

            if (tickerFrame is not null && state.Ticker)
            {
                client.Send(tickerFrame);
            }

            if (onWholeSecond && (state.Depth > 0 || state.Trades || state.Ticker))
            {
                client.Send("""{"channel":"heartbeat"}""");
            }
        }
    }

    private static string Px(decimal price) => SimWire.Fixed(price, Precision.Price);

    private static string Qty(decimal qty) => SimWire.Fixed(qty, Precision.Qty);

    /// <summary>Sends the client's view of the book: all of it (snapshot) or what changed in it (update), with the checksum.</summary>
    private void SendBook(SimClient<ClientState> client, string type)
    {
        var state = client.State;
        var bids = new StringBuilder();
        var asks = new StringBuilder();
        var changed = Diff(Book.Bids, state.ViewBids, state.Depth, bids, type == "snapshot")
            | Diff(Book.Asks, state.ViewAsks, state.Depth, asks, type == "snapshot");
        if (!changed && type == "update")
        {
            return;
        }

        var checksum = Checksum(state.ViewAsks, state.ViewBids);
        client.Send(string.Create(CultureInfo.InvariantCulture,
            $$"""{"channel":"book","type":"{{type}}","data":[{"symbol":"{{Symbol}}","bids":[{{bids}}],"asks":[{{asks}}],"checksum":{{checksum}},"timestamp":"{{SimWire.Rfc3339(NowNs)}}"}]}"""));
    }

    /// <summary>Brings one side of a client's view to the book's top <paramref name="depth"/>, writing the levels to send; true when any.</summary>
    private static bool Diff(SortedList<decimal, decimal> book, SortedList<decimal, decimal> view, int depth, StringBuilder json, bool all)
    {
        var top = book.Take(depth).ToList();
        var levels = new List<(decimal Price, decimal Qty)>();
        foreach (var (price, qty) in top)
        {
            if (all || !view.TryGetValue(price, out var seen) || seen != qty)
            {
                levels.Add((price, qty));
            }
        }

        foreach (var price in view.Keys.Where(p => !book.ContainsKey(p)))
        {
            levels.Add((price, 0m)); // deleted while in view; a level only pushed out of it is left to the client's truncation
        }

        view.Clear();
        foreach (var (price, qty) in top)
        {
            view[price] = qty;
        }

        json.AppendJoin(',', levels.Select(l => string.Create(CultureInfo.InvariantCulture, $$"""{"price":{{Px(l.Price)}},"qty":{{Qty(l.Qty)}}}""")));
        return levels.Count > 0;
    }

    private static uint Checksum(SortedList<decimal, decimal> asks, SortedList<decimal, decimal> bids)
    {
        BookLevel[] Top(SortedList<decimal, decimal> side) =>
            [.. side.Take(KrakenBookChecksum.LevelsPerSide).Select(l => new BookLevel(Price.FromDecimal(l.Key), Quantity.FromDecimal(l.Value)))];

        return KrakenBookChecksum.TryCompute(Top(asks), Top(bids), Precision.Price, Precision.Qty, out var checksum)
            ? checksum
            : throw new InvalidOperationException("A simulated Kraken level is finer than BTC/USD's precision.");
    }

    private string Ticker(string type)
    {
        var bid = Book.Bids.FirstOrDefault();
        var ask = Book.Asks.FirstOrDefault();
        var last = _lastPrice == 0m ? bid.Key : _lastPrice;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"channel":"ticker","type":"{{type}}","data":[{"symbol":"{{Symbol}}","bid":{{Px(bid.Key)}},"bid_qty":{{Qty(bid.Value)}},"ask":{{Px(ask.Key)}},"ask_qty":{{Qty(ask.Value)}},"last":{{Px(last)}},"volume":{{Qty(_volume)}},"vwap":{{Px(last)}},"low":{{Px(last)}},"high":{{Px(last)}},"change":0.0,"change_pct":0.00,"timestamp":"{{SimWire.Rfc3339(NowNs)}}"}]}""");
    }

    /// <summary>One connection's subscriptions and the book it has been sent (its subscribed depth).</summary>
    internal sealed class ClientState
    {
        /// <summary>The book subscription's depth; 0 when not subscribed.</summary>
        public int Depth { get; set; }

        public bool Trades { get; set; }

        public bool Ticker { get; set; }

        public SortedList<decimal, decimal> ViewBids { get; } = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));

        public SortedList<decimal, decimal> ViewAsks { get; } = [];
    }
}
