using System.IO.Compression;
using Edgewise.Core.Contracts;
using Edgewise.TestKit;
using Edgewise.Venues.BinanceUs;
using static Edgewise.Tests.Venues.BinanceUs.BinanceUsFrames;

namespace Edgewise.Tests.Venues.BinanceUs;

/// <summary>The depthUpdate fast path must give exactly what the general reader gives, and decline what it does not know.</summary>
public class BinanceUsDepthFastPathTests
{
    private const string SharedCapture = "data/btc_spot/binance_spot_btcusdt_ws_2024-08-08.gz";

    private static (ParseOutcome Outcome, string Events) Parse(BinanceUsParser parser, RawFrame frame)
    {
        var sink = new RecordingSink();
        var outcome = parser.Parse(frame, sink);
        var events = sink.BookUpdates.Select(u =>
            $"{u.Instrument} {u.Kind} {u.FirstUpdateId}-{u.LastUpdateId} {u.TsEvent} {u.TsRecv} {u.PriceDecimals}/{u.SizeDecimals} " +
            string.Join(' ', u.Levels.ToArray().Select(l => $"{l.Side}:{l.Price.Raw}x{l.Size.Raw}"))).ToList();
        events.AddRange(sink.Sequence.Where(s => !s.StartsWith("book:", StringComparison.Ordinal)));
        return (outcome, string.Join('\n', events));
    }

    [Fact]
    public void Parse_EveryFrameOfTheSharedCapture_FastPathEqualsGeneralReader()
    {
        var path = SharedData.Find(SharedCapture);
        if (path is null)
        {
            Assert.Skip(SharedData.MissingReason(SharedCapture));
        }

        var fast = new BinanceUsParser();
        var general = new BinanceUsParser { UseDepthFastPath = false };
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var depthFrames = 0;
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var json = line[(space + 1)..];
            var frame = json.Contains("lastUpdateId", StringComparison.Ordinal) ? Rest(json) : Ws(json, long.Parse(line[..space], System.Globalization.CultureInfo.InvariantCulture));
            depthFrames += json.Contains("depthUpdate", StringComparison.Ordinal) ? 1 : 0;

            Assert.Equal(Parse(general, frame), Parse(fast, frame));
        }

        Assert.Equal(3_451, depthFrames);
        Assert.Equal(3_451, fast.DepthFastPathFrames); // every real depth frame took the fast path
        Assert.Equal(0, general.DepthFastPathFrames);
    }

    [Theory]
    [InlineData("""{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":157,"u":160,"b":[["0.0024","10"]],"a":[["0.0026","100"]]}""")]
    [InlineData("""{ "e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[],"a":[]}""")] // whitespace: declined, general reader accepts
    [InlineData("""{"e":"depthUpdate","s":"BTCUSDT","E":1,"U":1,"u":2,"b":[],"a":[]}""")] // other key order
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTC\u0055SDT","U":1,"u":2,"b":[],"a":[]}""")] // escape in the symbol
    [InlineData("""{"e":"depthUpdate","E":01,"s":"BTCUSDT","U":1,"u":2,"b":[],"a":[]}""")] // leading zero: invalid JSON
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":3,"u":2,"b":[],"a":[]}""")] // U after u
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","2.0","x"]],"a":[]}""")]
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","-2.0"]],"a":[]}""")]
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","2.0"]],"a":[]}}""")] // trailing brace
    [InlineData("""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[],"a":[]}""")] // truncated
    [InlineData("""{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1.0","2.0"]],"a":[["3.0","4.0"]],"x":1}""")] // extra key
    public void Parse_DepthFrameOfAnyShape_SameResultWithOrWithoutTheFastPath(string json)
    {
        var fast = new BinanceUsParser();
        var general = new BinanceUsParser { UseDepthFastPath = false };

        Assert.Equal(Parse(general, Ws(json, 5)), Parse(fast, Ws(json, 5)));
    }

    [Fact]
    public void Parse_DocsDepthUpdate_TakesTheFastPath()
    {
        var fast = new BinanceUsParser();

        fast.Parse(Ws("""{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":157,"u":160,"b":[["0.0024","10"]],"a":[["0.0026","100"]]}"""), new RecordingSink());

        Assert.Equal(1, fast.DepthFastPathFrames);
    }
}
