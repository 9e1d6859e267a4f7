// Simulated Binance.US market streams and REST (FACTS §4), as BinanceUsDataClient expects them: a combined-stream connection
// (/stream?streams=btcusd@depth@100ms/btcusd@trade/btcusd@bookTicker; live SUBSCRIBE/UNSUBSCRIBE answered {"result":null,"id"})
// with {"stream","data"} envelopes. Depth events carry U (first update id) and u (last): each changed level takes one update id,
// so an event's U is the previous event's u + 1 - the continuity the client checks; @depth@100ms sends every step's changes,
// @depth (1000 ms) the changes of each second merged. GET /api/v3/depth?symbol=BTCUSD&limit=N is the book's top N as of the
// newest update id (lastUpdateId), so the client drops the events the snapshot holds and applies the first one with
// U <= lastUpdateId+1 <= u. BTCUSD and BTCUSDT are the same simulated book under two names. Depth events are written in the
// exact compact shape Binance sends, which the client's fast path reads.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators.Market;

internal sealed class BinanceUsSim : SpotVenueSim<BinanceUsSim.ClientState>
{
    private static readonly string[] Symbols = ["BTCUSD", "BTCUSDT"];

    private readonly Dictionary<(bool IsBid, decimal Price), decimal> _secondChanges = [];
    private long _lastUpdateId = 1_000_000;
    private long _secondFirstId;
    private long _nextTradeId = 30_000_000;
    private long _nextOrderId = 5_000_000_000;
    private (long First, long Last)? _stepIds;
    private bool _secondSent;
    private (decimal Bid, decimal Ask) _lastTouch;

    public BinanceUsSim(int seed, Lock world)
        : base("binanceus", SpotBookShape.BinanceUs, seed, world, updateProbability: 0.9, tradeProbability: 0.05)
    {
    }

    protected override bool IsFullySubscribed(ClientState state) => state.Streams.Any(s => s.Contains("@depth", StringComparison.Ordinal));

    protected override ClientState CreateState(SimWebSocketConnection connection)
    {
        var state = new ClientState();
        const string prefix = "?streams=";
        if (connection.Path == "/stream" && connection.Query.StartsWith(prefix, StringComparison.Ordinal))
        {
            state.Streams.UnionWith(Uri.UnescapeDataString(connection.Query[prefix.Length..]).Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        return state;
    }

    protected override void OnMessage(SimClient<ClientState> client, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var method = root.TryGetProperty("method", out var m) ? m.GetString() : null;
        var id = root.TryGetProperty("id", out var i) ? i.GetRawText() : "null";
        var streams = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList()
            : [];
        switch (method)
        {
            case "SUBSCRIBE":
                client.State.Streams.UnionWith(streams);
                client.Send($$"""{"result":null,"id":{{id}}}""");
                break;
            case "UNSUBSCRIBE":
                client.State.Streams.ExceptWith(streams);
                client.Send($$"""{"result":null,"id":{{id}}}""");
                break;
            case "LIST_SUBSCRIPTIONS":
                client.Send($$"""{"result":[{{string.Join(',', client.State.Streams.Order(StringComparer.Ordinal).Select(s => "\"" + s + "\""))}}],"id":{{id}}}""");
                break;
            default:
                client.Send($$"""{"code":2,"msg":"Invalid request: unknown method","id":{{id}}}""");
                break;
        }
    }

    protected override void OnStepped(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade)
    {
        _stepIds = null;
        if (_secondSent)
        {
            _secondChanges.Clear(); // the last whole second's merged event went out (or was silenced): a new second starts
        }

        _secondSent = nowNs % MarketGenerator.SecondNs == 0;
        if (changes.Count == 0)
        {
            return;
        }

        _stepIds = (_lastUpdateId + 1, _lastUpdateId + changes.Count);
        if (_secondChanges.Count == 0)
        {
            _secondFirstId = _lastUpdateId + 1;
        }

        _lastUpdateId += changes.Count;
        foreach (var change in changes)
        {
            _secondChanges[(change.IsBid, change.Price)] = change.Size;
        }
    }

    protected override void Publish(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade, bool onWholeSecond)
    {
        var ms = SimWire.Ms(nowNs);
        var touch = (Book.BestBid, Book.BestAsk);
        var touchChanged = touch != _lastTouch;
        _lastTouch = touch;
        var tradeId = trade is null ? 0 : _nextTradeId++;
        var (buyer, seller) = trade is null ? (0L, 0L) : (_nextOrderId++, _nextOrderId++);
        if (Clients.Count == 0)
        {
            return;
        }

        var frames = new List<(string Stream, string Frame)>();
        foreach (var symbol in Symbols)
        {
            var lower = symbol.ToLowerInvariant();
            if (_stepIds is { } ids)
            {
                frames.Add((lower + "@depth@100ms", Depth(lower + "@depth@100ms", symbol, ms, ids.First, ids.Last, changes.Select(c => (c.IsBid, c.Price, c.Size)))));
            }

            if (onWholeSecond && _secondChanges.Count > 0)
            {
                frames.Add((lower + "@depth", Depth(lower + "@depth", symbol, ms, _secondFirstId, _lastUpdateId, _secondChanges.Select(c => (c.Key.IsBid, c.Key.Price, c.Value)))));
            }

            if (trade is { } t)
            {
                frames.Add((lower + "@trade", string.Create(CultureInfo.InvariantCulture,
                    $$"""{"stream":"{{lower}}@trade","data":{"e":"trade","E":{{ms}},"s":"{{symbol}}","t":{{tradeId}},"p":"{{Px(t.Price)}}","q":"{{Px(t.Size)}}","b":{{buyer}},"a":{{seller}},"T":{{ms}},"m":{{(t.TakerBuys ? "false" : "true")}},"M":true}""") + "}"));
            }

            if (touchChanged)
            {
                var bid = Book.Bids.FirstOrDefault();
                var ask = Book.Asks.FirstOrDefault();
                frames.Add((lower + "@bookTicker", string.Create(CultureInfo.InvariantCulture,
                    $$"""{"stream":"{{lower}}@bookTicker","data":{"u":{{_lastUpdateId}},"s":"{{symbol}}","b":"{{Px(bid.Key)}}","B":"{{Px(bid.Value)}}","a":"{{Px(ask.Key)}}","A":"{{Px(ask.Value)}}"}""") + "}"));
            }
        }

        foreach (var client in Clients)
        {
            // One fixed order per step (depth, trade, ticker per symbol) whatever order the client named its streams in.
            foreach (var (stream, frame) in frames)
            {
                if (client.State.Streams.Contains(stream))
                {
                    client.Send(frame);
                }
            }
        }
    }

    /// <summary>GET /api/v3/depth?symbol=&amp;limit=: the top levels and the last update id they include.</summary>
    protected override (int Status, string Body)? AnswerRest(string path, IQueryCollection query)
    {
        if (path != "/api/v3/depth")
        {
            return null;
        }

        if (!Symbols.Contains(query["symbol"].ToString()))
        {
            return (400, """{"code":-1121,"msg":"Invalid symbol."}""");
        }

        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 5000) : 100;
        var bids = Levels(Book.Bids.Take(limit).Select(b => (b.Key, b.Value)));
        var asks = Levels(Book.Asks.Take(limit).Select(a => (a.Key, a.Value)));
        return (200, string.Create(CultureInfo.InvariantCulture, $$"""{"lastUpdateId":{{_lastUpdateId}},"bids":[{{bids}}],"asks":[{{asks}}]}"""));
    }

    private static string Px(decimal value) => SimWire.Fixed(value, 8);

    private static string Levels(IEnumerable<(decimal Price, decimal Qty)> levels) =>
        new StringBuilder().AppendJoin(',', levels.Select(l => $"[\"{Px(l.Price)}\",\"{Px(l.Qty)}\"]")).ToString();

    private static string Depth(string stream, string symbol, long ms, long first, long last, IEnumerable<(bool IsBid, decimal Price, decimal Size)> changes)
    {
        var list = changes.ToList();
        var bids = Levels(list.Where(c => c.IsBid).OrderByDescending(c => c.Price).Select(c => (c.Price, c.Size)));
        var asks = Levels(list.Where(c => !c.IsBid).OrderBy(c => c.Price).Select(c => (c.Price, c.Size)));
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"stream":"{{stream}}","data":{"e":"depthUpdate","E":{{ms}},"s":"{{symbol}}","U":{{first}},"u":{{last}},"b":[{{bids}}],"a":[{{asks}}]}""") + "}";
    }

    /// <summary>One connection's streams (from its URL and live SUBSCRIBE/UNSUBSCRIBE).</summary>
    internal sealed class ClientState
    {
        public HashSet<string> Streams { get; } = new(StringComparer.Ordinal);
    }
}
