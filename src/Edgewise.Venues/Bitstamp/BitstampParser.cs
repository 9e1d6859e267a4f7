// Bitstamp WebSocket v2 and REST order-book parser (FACTS §3). Pure and allocation-free per frame once warm:
// one Utf8JsonReader pass fills a reusable BookUpdate and scratch fields, then emits only when the whole
// frame was valid. Recorded frames put "data" before "event" and "channel", so nothing assumes field order.
//   trade (live_trades_{pair})          -> TradeTick; type 0 = buy taker, 1 = sell taker; the *_str text is
//                                          used when present (amount/price numbers must then agree with it).
//   data  (diff_order_book_{pair})      -> Delta; data (order_book_{pair}, self-contained top 100) -> Snapshot.
//   REST /api/v2/order_book/{pair}      -> Snapshot (FrameSource.Rest).
//   bts:subscription_succeeded, bts:unsubscription_succeeded, bts:heartbeat, bts:connection_established,
//   bts:error -> Control; bts:request_reconnect -> Control, counted and raised as ReconnectRequested.
// Bitstamp has no sequence numbers: a book message's microtimestamp is put in FirstUpdateId/LastUpdateId
// so BitstampBookSync can order diffs against the REST snapshot. A price above the fixed-point range
// (Bitstamp's REST book holds placeholder asks such as 9999999999.00) cannot be held: such an ask is dropped
// and counted in OutOfRangeAsksDropped, since it is a million times the market and never reachable; an
// out-of-range bid would be the best bid, so it makes the frame malformed instead.
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed partial class BitstampParser : IVenueParser
{
    public const string VenueName = "bitstamp";

    /// <summary>Largest frame accepted: the full REST book of a busy pair is a few hundred KB.</summary>
    public const int DefaultMaxFrameBytes = 16 * 1024 * 1024;

    private const long NanosPerMicro = 1_000;
    private const long NanosPerSecond = 1_000_000_000;

    private readonly BookUpdate _update = new();
    private readonly SymbolTable _symbols;
    private readonly int _maxFrameBytes;
    private Scratch _s;

    public BitstampParser(string venue = VenueName, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        Venue = venue;
        _symbols = new SymbolTable(venue);
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Raised (with the frame's receive time) when the server sends bts:request_reconnect: the live client reconnects and resubscribes.</summary>
    public event Action<long>? ReconnectRequested;

    public string Venue { get; }

    /// <summary>The instruments seen so far, by Bitstamp pair ("btcusd", as in channel names and REST paths).</summary>
    public SymbolTable Symbols => _symbols;

    /// <summary>bts:request_reconnect messages seen.</summary>
    public long ReconnectRequests { get; private set; }

    /// <summary>Ask levels dropped because their price is beyond the fixed-point range.</summary>
    public long OutOfRangeAsksDropped { get; private set; }

    public ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (frame.Raw.Length > _maxFrameBytes)
        {
            return ParseOutcome.Malformed;
        }

        _s = default;
        _update.Reset(null!, BookUpdateKind.Delta, frame.RecvTsNs, frame.RecvTsNs);
        try
        {
            var reader = new Utf8JsonReader(frame.Raw.Span, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !ReadObject(ref reader, topLevel: true))
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
        if (frame.Source == FrameSource.Rest)
        {
            return EmitBook(SnapshotInstrument(frame.Endpoint), BookUpdateKind.Snapshot, frame.RecvTsNs, sink);
        }

        switch (_s.Event)
        {
            case EventKind.Trade:
                return _s.Channel == ChannelKind.LiveTrades ? EmitTrade(frame.RecvTsNs, sink) : ParseOutcome.Ignored;

            case EventKind.Data:
                return _s.Channel switch
                {
                    ChannelKind.DiffOrderBook => EmitBook(_s.Instrument, BookUpdateKind.Delta, frame.RecvTsNs, sink),
                    ChannelKind.OrderBook => EmitBook(_s.Instrument, BookUpdateKind.Snapshot, frame.RecvTsNs, sink),
                    _ => ParseOutcome.Ignored,
                };

            case EventKind.RequestReconnect:
                ReconnectRequests++;
                ReconnectRequested?.Invoke(frame.RecvTsNs);
                return ParseOutcome.Control;

            case EventKind.Control:
                return ParseOutcome.Control;

            default:
                return ParseOutcome.Ignored;
        }
    }

    private ParseOutcome EmitBook(InstrumentId? instrument, BookUpdateKind kind, long tsRecv, IMarketDataSink sink)
    {
        if (instrument is null || !_s.HasMicros || !_s.HasBids || !_s.HasAsks || _s.LevelHadExtra)
        {
            return ParseOutcome.Malformed;
        }

        _update.Instrument = instrument;
        _update.Kind = kind;
        _update.FirstUpdateId = _s.Micros;
        _update.LastUpdateId = _s.Micros;
        _update.TsEvent = _s.Micros * NanosPerMicro;
        _update.TsRecv = tsRecv;
        OutOfRangeAsksDropped += _s.OutOfRangeAsks;
        sink.OnBookUpdate(_update);
        return ParseOutcome.Data;
    }

    private ParseOutcome EmitTrade(long tsRecv, IMarketDataSink sink)
    {
        if (_s.Instrument is null || !_s.HasId || _s.Aggressor == Core.Orders.OrderSide.None
            || !TryPick(_s.HasPriceText, _s.PriceText, _s.HasPriceNumber, _s.PriceNumber, out var price) || price <= 0
            || !TryPick(_s.HasAmountText, _s.AmountText, _s.HasAmountNumber, _s.AmountNumber, out var amount) || amount <= 0)
        {
            return ParseOutcome.Malformed;
        }

        var tsEvent = _s.HasMicros ? _s.Micros * NanosPerMicro : _s.HasSeconds ? _s.Seconds * NanosPerSecond : tsRecv;
        sink.OnTrade(new TradeTick(_s.Instrument, new Price(price), new Quantity(amount), _s.Aggressor, _s.Id, tsEvent, tsRecv));
        return ParseOutcome.Data;
    }

    /// <summary>The *_str text when given, else the number; when both are given they must be the same value.</summary>
    private static bool TryPick(bool hasText, long text, bool hasNumber, long number, out long value)
    {
        value = hasText ? text : number;
        return (hasText || hasNumber) && (!hasText || !hasNumber || text == number);
    }

    private InstrumentId? SnapshotInstrument(string? endpoint)
    {
        // The REST book carries no pair: take it from the request path (/api/v2/order_book/{pair}/), else the only pair seen.
        const string key = "order_book/";
        if (endpoint is not null)
        {
            var at = endpoint.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = endpoint.AsSpan(at + key.Length);
                var end = rest.IndexOfAny('/', '?');
                var pair = end < 0 ? rest : rest[..end];
                if (!pair.IsEmpty)
                {
                    return _symbols.Get(pair.ToString());
                }
            }
        }

        return _symbols.OnlyInstrument;
    }
}
