// Binance depth message parse: one recorded depthUpdate frame (10 levels) parsed into the reusable BookUpdate.
// Target: ≤ 1 µs and 0 bytes allocated per message.
using System.Text;
using BenchmarkDotNet.Attributes;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Venues.BinanceUs;

namespace Edgewise.Benchmarks;

[MemoryDiagnoser]
public class ParseBenchmarks
{
    // First depthUpdate of ../shared/data/btc_spot/binance_spot_btcusdt_ws_2024-08-08.gz (typed in: benchmarks must run without ../shared).
    private static readonly byte[] DepthFrame = Encoding.UTF8.GetBytes(
        """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1723161255208,"s":"BTCUSDT","U":50093239189,"u":50093239202,"b":[["61737.63000000","0.00000000"],["61730.17000000","0.00000000"],["56854.58000000","0.00000000"]],"a":[["61837.64000000","1.54698000"],["61839.85000000","0.00000000"],["61839.86000000","0.00000000"],["61845.11000000","0.32329000"],["61848.49000000","0.00000000"],["61855.45000000","0.32323000"],["61862.51000000","0.05041000"],["61862.52000000","0.00000000"],["61937.64000000","0.02000000"]]}}""");

    private static readonly byte[] TradeFrame = Encoding.UTF8.GetBytes(
        """{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true,"M":true}}""");

    private readonly BinanceUsParser _parser = new();
    private readonly NullSink _sink = new();
    private RawFrame _depth;
    private RawFrame _trade;

    [GlobalSetup]
    public void Setup()
    {
        _depth = new RawFrame(1, BinanceUsParser.VenueName, FrameSource.Ws, null, DepthFrame);
        _trade = new RawFrame(1, BinanceUsParser.VenueName, FrameSource.Ws, null, TradeFrame);
    }

    [Benchmark(Baseline = true)]
    public ParseOutcome DepthUpdate() => _parser.Parse(_depth, _sink);

    [Benchmark]
    public ParseOutcome Trade() => _parser.Parse(_trade, _sink);

    private sealed class NullSink : IMarketDataSink
    {
        public void OnBookUpdate(BookUpdate update)
        {
        }

        public void OnTrade(in TradeTick trade)
        {
        }

        public void OnQuote(in QuoteTick quote)
        {
        }

        public void OnBookStatus(in BookStatus status)
        {
        }
    }
}
