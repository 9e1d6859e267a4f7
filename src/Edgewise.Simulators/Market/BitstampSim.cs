// Simulated Bitstamp WebSocket v2 and REST (FACTS §3), as BitstampDataClient expects them: bts:subscribe to
// diff_order_book_btcusd and live_trades_btcusd answered with bts:subscription_succeeded (bts:error for anything else); diffs
// carrying the changed levels with new absolute amounts ("0.00000000" deletes), bids best first and asks best first; trades
// (type 0 = the taker bought); bts:heartbeat answered. Bitstamp has no sequence numbers, so the client orders everything by
// microtimestamp: every diff gets one strictly after the previous (the step's time, nudged when two would collide), and the REST
// order book (GET /api/v2/order_book/btcusd/) is the book as of the newest diff together with that diff's microtimestamp, so
// the client drops exactly the buffered diffs the snapshot already holds. Prices are whole dollars, amounts have 8 decimals.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators.Market;

internal sealed class BitstampSim : SpotVenueSim<BitstampSim.ClientState>
{
    public const string Pair = "btcusd";
    public const string DiffChannel = "diff_order_book_" + Pair;
    public const string TradesChannel = "live_trades_" + Pair;

    private long _lastMicros;
    private long _bookMicros;
    private long _nextTradeId = 540_000_000;
    private long _nextOrderId = 1_980_000_000_000_000;
    private string? _diffFrame;
    private string? _tradeFrame;

    public BitstampSim(int seed, Lock world)
        : base("bitstamp", SpotBookShape.Bitstamp, seed, world, updateProbability: 0.4, tradeProbability: 0.08)
    {
    }

    protected override bool IsFullySubscribed(ClientState state) => state.Diffs && state.Trades;

    protected override ClientState CreateState(SimWebSocketConnection connection) => new();

    protected override void OnMessage(SimClient<ClientState> client, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var name = root.TryGetProperty("event", out var e) ? e.GetString() : null;
        var channel = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("channel", out var c)
            ? c.GetString()
            : null;
        if (name == "bts:heartbeat")
        {
            client.Send("""{"event":"bts:heartbeat","channel":"","data":{"status":"success"}}""");
            return;
        }

        if (name is not ("bts:subscribe" or "bts:unsubscribe") || channel is not (DiffChannel or TradesChannel))
        {
            client.Send("""{"event":"bts:error","channel":"","data":{"code":null,"message":"Bad subscription string."}}""");
            return;
        }

        var on = name == "bts:subscribe";
        if (channel == DiffChannel)
        {
            client.State.Diffs = on;
        }
        else
        {
            client.State.Trades = on;
        }

        var reply = on ? "bts:subscription_succeeded" : "bts:unsubscription_succeeded";
        client.Send("{\"event\":\"" + reply + "\",\"channel\":\"" + channel + "\",\"data\":{}}");
    }

    protected override void OnStepped(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade)
    {
        // Microtimestamps and ids advance whether anyone listens or not, so what a client sees never depends on when it came.
        _diffFrame = null;
        _tradeFrame = null;
        var listening = Clients.Count > 0;
        if (changes.Count > 0)
        {
            _bookMicros = NextMicros(nowNs);
            if (listening)
            {
                var bids = Levels(changes.Where(l => l.IsBid).Select(l => (l.Price, l.Size)));
                var asks = Levels(changes.Where(l => !l.IsBid).Select(l => (l.Price, l.Size)));
                _diffFrame = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"data":{"timestamp":"{{_bookMicros / 1_000_000}}","microtimestamp":"{{_bookMicros}}","bids":[{{bids}}],"asks":[{{asks}}]},"channel":"{{DiffChannel}}","event":"data"}""");
            }
        }

        if (trade is { } t)
        {
            var micros = NextMicros(nowNs);
            var (id, buyOrder, sellOrder) = (_nextTradeId++, _nextOrderId++, _nextOrderId++);
            if (listening)
            {
                _tradeFrame = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"data":{"id":{{id}},"timestamp":"{{micros / 1_000_000}}","amount":{{SimWire.Fixed(t.Size, 8)}},"amount_str":"{{SimWire.Fixed(t.Size, 8)}}","price":{{SimWire.Fixed(t.Price, 0)}},"price_str":"{{SimWire.Fixed(t.Price, 0)}}","type":{{(t.TakerBuys ? 0 : 1)}},"microtimestamp":"{{micros}}","buy_order_id":{{buyOrder}},"sell_order_id":{{sellOrder}}},"channel":"{{TradesChannel}}","event":"trade"}""");
            }
        }
    }

    protected override void Publish(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade, bool onWholeSecond)
    {
        foreach (var client in Clients)
        {
            if (_diffFrame is not null && client.State.Diffs)
            {
                client.Send(_diffFrame);
            }

            if (_tradeFrame is not null && client.State.Trades)
            {
                client.Send(_tradeFrame);
            }
        }
    }

    /// <summary>GET /api/v2/order_book/btcusd/: every level, with the microtimestamp of the newest diff it holds.</summary>
    protected override (int Status, string Body)? AnswerRest(string path, IQueryCollection query)
    {
        if (path.TrimEnd('/') != "/api/v2/order_book/" + Pair)
        {
            return path.StartsWith("/api/v2/order_book/", StringComparison.Ordinal) ? (404, """{"status":"error","reason":"Unknown currency pair"}""") : null;
        }

        var micros = _bookMicros == 0 ? SimWire.Micros(NowNs) : _bookMicros;
        var bids = Levels(Book.Bids.Select(l => (l.Key, l.Value)));
        var asks = Levels(Book.Asks.Select(l => (l.Key, l.Value)));
        return (200, string.Create(CultureInfo.InvariantCulture, $$"""{"timestamp":"{{micros / 1_000_000}}","microtimestamp":"{{micros}}","bids":[{{bids}}],"asks":[{{asks}}]}"""));
    }

    private static string Levels(IEnumerable<(decimal Price, decimal Amount)> levels) =>
        new StringBuilder().AppendJoin(',', levels.Select(l => $"[\"{SimWire.Fixed(l.Price, 0)}\",\"{SimWire.Fixed(l.Amount, 8)}\"]")).ToString();

    /// <summary>The step's time in µs, or one µs after the last one handed out: microtimestamps never repeat.</summary>
    private long NextMicros(long nowNs)
    {
        _lastMicros = Math.Max(SimWire.Micros(nowNs), _lastMicros + 1);
        return _lastMicros;
    }

    /// <summary>One connection's subscriptions.</summary>
    internal sealed class ClientState
    {
        public bool Diffs { get; set; }

        public bool Trades { get; set; }
    }
}
