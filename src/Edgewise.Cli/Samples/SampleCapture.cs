// A small, deterministic Binance.US capture the project generates itself, so `edgewise replay` has a built-in
// default that runs on a fresh machine without ../shared or network. It exercises what matters in a real capture:
// deltas that arrive before the REST snapshot, contiguous depth updates, trades, bookTickers, one sequence gap
// followed by a fresh snapshot (a resync), and one malformed frame. The generator keeps its own model of the
// book, so a test can check that replay rebuilds exactly that book.
using System.Globalization;
using System.Text;
using Edgewise.Core.Contracts;
using Edgewise.Core.Numerics;
using Edgewise.Storage.Capture;

namespace Edgewise.Cli.Samples;

internal sealed class SampleCapture
{
    public const string Venue = "binanceus";
    public const string Symbol = "BTCUSDT";

    private const long Tick = FixedPoint.One / 100; // 0.01
    private const long StepNs = 10_000_000; // one event every 10 ms of receive time
    private const long StartNs = 1_767_225_600_000_000_000; // 2026-01-01T00:00:00Z

    private readonly Random _random;
    private readonly SortedDictionary<long, long> _bids = [];
    private readonly SortedDictionary<long, long> _asks = [];
    private readonly List<(long Price, long Size, bool Bid)> _changes = [];
    private long _mid = 60_000 * FixedPoint.One;
    private long _updateId = 1_000_000;
    private long _tradeId = 500;
    private long _now = StartNs;

    public SampleCapture(int seed) => _random = new Random(seed);

    /// <summary>Best bids (descending) of the model book after generation.</summary>
    public IEnumerable<KeyValuePair<long, long>> Bids => _bids.Reverse();

    /// <summary>Best asks (ascending) of the model book after generation.</summary>
    public IEnumerable<KeyValuePair<long, long>> Asks => _asks;

    /// <summary>The model book's last update id.</summary>
    public long LastUpdateId => _updateId;

    /// <summary>Writes the capture to <paramref name="path"/> (gzip when it ends in .gz) and returns how many frames it holds.</summary>
    public long Write(string path, int steps = 20_000)
    {
        using var writer = new CaptureWriter(path);
        Seed();

        // Three deltas arrive before the snapshot response; the first two are already covered by it.
        for (var i = 0; i < 3; i++)
        {
            Depth(writer);
        }

        Snapshot(writer, _updateId - 1); // covers all but the last buffered delta
        for (var step = 0; step < steps; step++)
        {
            if (step == steps / 2)
            {
                _updateId += 7; // the venue's stream skips ids: replay must see a gap...
                Depth(writer);
                Depth(writer);
                Snapshot(writer, _updateId); // ...and recover on the next snapshot
                writer.Write(Frame(FrameSource.Ws, null, """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":"""));
            }

            var roll = _random.Next(100);
            if (roll < 55)
            {
                Depth(writer);
                Ticker(writer);
            }
            else if (roll < 85)
            {
                Trade(writer);
            }
            else
            {
                Drift(writer);
            }
        }

        return writer.FramesWritten;
    }

    private void Seed()
    {
        for (var k = 1; k <= 150; k++)
        {
            _bids[_mid - (k * Tick)] = RandomSize();
            _asks[_mid + (k * Tick)] = RandomSize();
        }
    }

    // 0.00000001 .. 2.0 BTC with Binance's 8 decimals (raw values are 1e-9 units, so multiples of 10).
    private long RandomSize() => _random.Next(1, 200_000_000) * 10L;

    private void Depth(CaptureWriter writer)
    {
        _changes.Clear();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var bid = _random.Next(2) == 0;
            var offset = _random.Next(1, 25) * Tick;
            var price = bid ? _mid - offset : _mid + offset;
            var size = _random.Next(4) == 0 ? 0 : RandomSize();
            _changes.Add((price, size, bid));
        }

        EmitDepth(writer);
    }

    private void Drift(CaptureWriter writer)
    {
        // Move the mid one tick and clear the levels that would now cross, in one depth update.
        _changes.Clear();
        var up = _random.Next(2) == 0;
        _mid += up ? Tick : -Tick;
        var side = up ? _asks : _bids;
        foreach (var price in side.Keys.Where(p => up ? p <= _mid : p >= _mid).ToList())
        {
            _changes.Add((price, 0, !up));
        }

        _changes.Add((up ? _mid - Tick : _mid + Tick, RandomSize(), up));
        EmitDepth(writer);
    }

    private void EmitDepth(CaptureWriter writer)
    {
        var first = _updateId + 1;
        _updateId += _changes.Count;
        var json = new StringBuilder(256);
        json.Append(CultureInfo.InvariantCulture, $$"""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":{{EventMs()}},"s":"{{Symbol}}","U":{{first}},"u":{{_updateId}},"b":[""");
        AppendLevels(json, bid: true);
        json.Append("],\"a\":[");
        AppendLevels(json, bid: false);
        json.Append("]}}");
        writer.Write(Frame(FrameSource.Ws, null, json.ToString()));
        foreach (var (price, size, bid) in _changes)
        {
            var book = bid ? _bids : _asks;
            if (size == 0)
            {
                book.Remove(price);
            }
            else
            {
                book[price] = size;
            }
        }
    }

    private void AppendLevels(StringBuilder json, bool bid)
    {
        var first = true;
        foreach (var (price, size, isBid) in _changes)
        {
            if (isBid != bid)
            {
                continue;
            }

            json.Append(first ? "" : ",").Append("[\"").Append(FixedPoint.Format(price, 8)).Append("\",\"").Append(FixedPoint.Format(size, 8)).Append("\"]");
            first = false;
        }
    }

    private void Snapshot(CaptureWriter writer, long lastUpdateId)
    {
        // Written from the model as it is now. When labelled with an older id (the first snapshot), replay re-applies the newest
        // delta on top of it; sizes are absolute, so that changes nothing, which is what makes Binance's overlap rule safe.
        var json = new StringBuilder(16_384);
        json.Append(CultureInfo.InvariantCulture, $$"""{"lastUpdateId":{{lastUpdateId}},"bids":[""");
        json.AppendJoin(',', _bids.Reverse().Select(l => $"[\"{FixedPoint.Format(l.Key, 8)}\",\"{FixedPoint.Format(l.Value, 8)}\"]"));
        json.Append("],\"asks\":[");
        json.AppendJoin(',', _asks.Select(l => $"[\"{FixedPoint.Format(l.Key, 8)}\",\"{FixedPoint.Format(l.Value, 8)}\"]"));
        json.Append("]}");
        writer.Write(Frame(FrameSource.Rest, $"/api/v3/depth?symbol={Symbol}&limit=1000", json.ToString()));
    }

    private void Trade(CaptureWriter writer)
    {
        var buy = _random.Next(2) == 0;
        var price = buy ? _asks.First().Key : _bids.Last().Key;
        var size = FixedPoint.Format(_random.Next(1, 2_000_000) * 10L, 8);
        var ms = EventMs();
        writer.Write(Frame(FrameSource.Ws, null,
            $$$"""{"stream":"btcusdt@trade","data":{"e":"trade","E":{{{ms}}},"s":"{{{Symbol}}}","t":{{{++_tradeId}}},"p":"{{{FixedPoint.Format(price, 8)}}}","q":"{{{size}}}","T":{{{ms}}},"m":{{{(buy ? "false" : "true")}}},"M":true}}"""));
    }

    private void Ticker(CaptureWriter writer)
    {
        var (bid, bidSize) = _bids.Last();
        var (ask, askSize) = _asks.First();
        writer.Write(Frame(FrameSource.Ws, null,
            $$$"""{"stream":"btcusdt@bookTicker","data":{"u":{{{_updateId}}},"s":"{{{Symbol}}}","b":"{{{FixedPoint.Format(bid, 8)}}}","B":"{{{FixedPoint.Format(bidSize, 8)}}}","a":"{{{FixedPoint.Format(ask, 8)}}}","A":"{{{FixedPoint.Format(askSize, 8)}}}"}}"""));
    }

    private long EventMs() => _now / 1_000_000;

    private RawFrame Frame(FrameSource source, string? endpoint, string json)
    {
        _now += StepNs;
        return new RawFrame(_now, Venue, source, endpoint, Encoding.UTF8.GetBytes(json));
    }
}
