// Binance.US market-data parser (FACTS §4.2). Pure and allocation-free per frame: one Utf8JsonReader pass
// fills a reusable BookUpdate, then emits to the sink only when the whole frame was valid, so a malformed
// frame never half-applies. Handles raw and combined streams ({"stream":..,"data":{..}}), depthUpdate,
// trade, bookTicker, the REST /api/v3/depth snapshot, and control replies ({"result":null,"id":1}).
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed partial class BinanceUsParser : IVenueParser
{
    public const string VenueName = "binanceus";

    private const long NanosPerMilli = 1_000_000;

    private readonly BookUpdate _update = new();
    private readonly SymbolTable _symbols;
    private Scratch _s;

    public BinanceUsParser(string venue = VenueName)
    {
        Venue = venue;
        _symbols = new SymbolTable(venue);
    }

    public string Venue { get; }

    /// <summary>
    /// Whether depthUpdate frames in Binance's exact compact shape take the hand-written scanner (about 3× faster than the
    /// general reader); other frames always take the general reader. Off only in the test that checks both agree.
    /// </summary>
    internal bool UseDepthFastPath { get; init; } = true;

    /// <summary>Frames the depth fast path handled (the rest went through the general reader).</summary>
    internal long DepthFastPathFrames { get; private set; }

    /// <summary>The instruments seen so far, by symbol (for the books they feed).</summary>
    public SymbolTable Symbols => _symbols;

    public ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _s = default;
        _update.Reset(null!, BookUpdateKind.Delta, frame.RecvTsNs, frame.RecvTsNs);
        if (UseDepthFastPath && frame.Source == FrameSource.Ws)
        {
            if (BinanceUsDepthScanner.TryScan(frame.Raw.Span, _symbols, _update, out var eventTimeMs))
            {
                _update.TsEvent = eventTimeMs * NanosPerMilli;
                DepthFastPathFrames++;
                sink.OnBookUpdate(_update);
                return ParseOutcome.Data;
            }

            _update.Reset(null!, BookUpdateKind.Delta, frame.RecvTsNs, frame.RecvTsNs); // drop what a declined scan filled in
        }

        try
        {
            var reader = new Utf8JsonReader(frame.Raw.Span, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !ReadObject(ref reader))
            {
                return ParseOutcome.Malformed;
            }

            if (reader.Read())
            {
                return ParseOutcome.Malformed; // trailing content after the object
            }
        }
        catch (JsonException)
        {
            return ParseOutcome.Malformed;
        }

        return Emit(frame, sink);
    }

    private ParseOutcome Emit(in RawFrame frame, IMarketDataSink sink)
    {
        var ts = frame.RecvTsNs;
        var tsEvent = _s.HasEventTime ? _s.EventTimeMs * NanosPerMilli : ts;
        switch (_s.Kind)
        {
            case PayloadKind.DepthUpdate:
                if (_s.Instrument is null || !_s.HasFirstId || !_s.HasLastId || _s.FirstId > _s.LastId)
                {
                    return ParseOutcome.Malformed;
                }

                _update.Instrument = _s.Instrument;
                _update.Kind = BookUpdateKind.Delta;
                _update.FirstUpdateId = _s.FirstId;
                _update.LastUpdateId = _s.LastId;
                _update.TsEvent = tsEvent;
                sink.OnBookUpdate(_update);
                return ParseOutcome.Data;

            case PayloadKind.Snapshot:
                if (frame.Source != FrameSource.Rest)
                {
                    return ParseOutcome.Ignored; // a WS partial-depth (depth5/10/20) snapshot: not a full book
                }

                var instrument = SnapshotInstrument(frame.Endpoint);
                if (instrument is null)
                {
                    return ParseOutcome.Malformed;
                }

                _update.Instrument = instrument;
                _update.Kind = BookUpdateKind.Snapshot;
                _update.FirstUpdateId = _s.LastUpdateId;
                _update.LastUpdateId = _s.LastUpdateId;
                sink.OnBookUpdate(_update);
                return ParseOutcome.Data;

            case PayloadKind.Trade:
                if (_s.Instrument is null || !_s.HasPrice || !_s.HasQty || !_s.HasTradeId)
                {
                    return ParseOutcome.Malformed;
                }

                // m = "buyer is the maker", so the aggressor sold.
                var aggressor = _s.BuyerIsMaker ? OrderSide.Sell : OrderSide.Buy;
                var tradeTs = _s.HasTradeTime ? _s.TradeTimeMs * NanosPerMilli : tsEvent;
                sink.OnTrade(new TradeTick(_s.Instrument, new Price(_s.Price), new Quantity(_s.Qty), aggressor, _s.TradeId, tradeTs, ts));
                return ParseOutcome.Data;

            case PayloadKind.BookTicker:
                if (_s.Instrument is null || !_s.HasLastId || _s.TickerFields != 0b1111)
                {
                    return ParseOutcome.Malformed;
                }

                sink.OnQuote(new QuoteTick(
                    _s.Instrument, new Price(_s.Bid), new Quantity(_s.BidQty), new Price(_s.Ask), new Quantity(_s.AskQty), _s.LastId, tsEvent, ts));
                return ParseOutcome.Data;

            case PayloadKind.Control:
                return ParseOutcome.Control;

            default:
                return ParseOutcome.Ignored;
        }
    }

    private InstrumentId? SnapshotInstrument(string? endpoint)
    {
        // The REST depth response carries no symbol: take it from the request path when recorded, else the only symbol seen.
        const string key = "symbol=";
        if (endpoint is not null)
        {
            var at = endpoint.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = endpoint.AsSpan(at + key.Length);
                var amp = rest.IndexOf('&');
                var symbol = (amp < 0 ? rest : rest[..amp]).ToString().ToUpperInvariant();
                return _symbols.Get(symbol);
            }
        }

        return _symbols.OnlyInstrument;
    }
}
