// Kalshi Trade API v2 market-data parser (FACTS §5.3, §5.5, §5.6). Pure and allocation-free for book, ticker and trade frames:
// one Utf8JsonReader pass collects the envelope (type, sid, seq, id) and the msg fields in any key order, then the frame is
// emitted only when it was complete and valid, so a malformed frame never half-applies.
// Book mapping: Kalshi sends YES bids and NO bids. The engine's book for a binary contract is in YES terms: bids are the YES bids;
// asks are YES asks, which are the NO bids seen from the other side. Under use_yes_price=false a NO bid at p is a YES ask at 1 − p;
// under use_yes_price=true Kalshi already sends p in YES terms. The connection's choice is a constructor argument with no default
// (KalshiBookPricing), because Kalshi will flip the flag's default. REST books (GET /markets/{ticker}/orderbook) have no such flag:
// their NO levels are always NO bids at NO prices, whatever the connection subscribed with. Snapshot levels are sorted here (the spec does not promise an
// order; REST puts the best level last). Deltas are signed changes (BookUpdateKind.SignedDelta). Prices must lie strictly inside
// (0, 1); whether they sit on the market's grid is the book sync's check, which knows the instrument.
// Each orderbook message carries its subscription id (sid) and sequence (seq): seq goes into First/LastUpdateId, and the sid is
// readable from CurrentSid while the sink handles the update. Fills, CF Benchmarks index ticks and command replies have no place in
// IMarketDataSink and are raised as typed events instead (they may allocate: they are rare or private).
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiParser : IVenueParser
{
    public const string VenueName = "kalshi";

    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMilli = 1_000_000;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly BookUpdate _update = new();
    private readonly FrameBatch _batch = new();
    private readonly SymbolTable _symbols;
    private readonly LevelScratch _yes = new();
    private readonly LevelScratch _no = new();
    private readonly List<string> _indexIds = [];
    private byte[] _innerJson = new byte[256];
    private Envelope _e;
    private MsgFields _m;

    /// <param name="pricing">How this connection's subscription prices NO levels (its use_yes_price flag); must be set.</param>
    /// <param name="venue">The venue name instruments are qualified with.</param>
    public KalshiParser(KalshiBookPricing pricing, string venue = VenueName)
    {
        if (!Enum.IsDefined(pricing))
        {
            throw new ArgumentOutOfRangeException(nameof(pricing), pricing, "State how the subscription prices NO levels (use_yes_price); there is no default.");
        }

        Pricing = pricing;
        Venue = venue;
        _symbols = new SymbolTable(venue);
    }

    public string Venue { get; }

    public KalshiBookPricing Pricing { get; }

    /// <summary>The markets seen so far, by ticker.</summary>
    public SymbolTable Symbols => _symbols;

    /// <summary>
    /// The subscription id of the frame whose events are being emitted (read it inside sink callbacks); 0 for REST frames,
    /// which belong to no subscription.
    /// </summary>
    public long CurrentSid { get; private set; }

    /// <summary>A reply to a command: subscribed, unsubscribed, ok, error (see <see cref="KalshiControlMessage.EndsSubscription"/>).</summary>
    public event Action<KalshiControlMessage>? ControlReceived;

    /// <summary>A fill of one of our orders (private <c>fill</c> channel).</summary>
    public event Action<KalshiFill>? FillReceived;

    /// <summary>A CF Benchmarks index tick (<c>cfbenchmarks_value</c>, <c>cfbenchmarks_value_5hz</c>).</summary>
    public event Action<KalshiIndexTick>? IndexTickReceived;

    public ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _e = default;
        _m = default;
        _tsRecv = frame.RecvTsNs;
        _yes.Clear();
        _no.Clear();
        _batch.Clear();
        try
        {
            var reader = new Utf8JsonReader(frame.Raw.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !ReadEnvelope(ref reader))
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

        return frame.Source == FrameSource.Rest ? EmitRest(frame, sink) : EmitWs(frame, sink);
    }

    private ParseOutcome EmitWs(in RawFrame frame, IMarketDataSink sink)
    {
        var ts = frame.RecvTsNs;
        switch (_e.Type)
        {
            case MessageType.OrderbookSnapshot:
                if (_m.Instrument is null || !_e.HasSid || !_e.HasSeq
                    || !BuildSnapshot(_m.Instrument, _e.Seq, ts, noLevelsAtNoPrice: Pricing == KalshiBookPricing.NoLevelsAtNoPrice))
                {
                    return ParseOutcome.Malformed;
                }

                return EmitBook(_e.Sid, sink);

            case MessageType.OrderbookDelta:
                return EmitDelta(ts, sink);

            case MessageType.Ticker:
                if (_m.Instrument is null || (_m.QuoteFields & (QuoteBid | QuoteAsk)) != (QuoteBid | QuoteAsk))
                {
                    return ParseOutcome.Malformed;
                }

                CurrentSid = _e.Sid;
                sink.OnQuote(new QuoteTick(
                    _m.Instrument, new Price(_m.YesBid), new Quantity(_m.YesBidSize), new Price(_m.YesAsk), new Quantity(_m.YesAskSize),
                    null, EventTime(ts), ts));
                return ParseOutcome.Data;

            case MessageType.Trade:
                if (!TryBuildTrade(_m, ts, out var trade))
                {
                    return ParseOutcome.Malformed;
                }

                CurrentSid = _e.Sid;
                sink.OnTrade(trade);
                return ParseOutcome.Data;

            case MessageType.Fill:
                return RaiseFill(frame);

            case MessageType.IndexValue:
            case MessageType.IndexValue5Hz:
                return RaiseIndexTick(ts);

            case MessageType.Subscribed:
            case MessageType.Unsubscribed:
            case MessageType.Ok:
            case MessageType.Error:
            case MessageType.OtherControl:
                return RaiseControl(ts);

            case MessageType.Other:
                return ParseOutcome.Ignored;

            default:
                return ParseOutcome.Malformed; // every Kalshi WebSocket message has a type
        }
    }

    private ParseOutcome EmitRest(in RawFrame frame, IMarketDataSink sink)
    {
        if (_e.HasOrderbookFp)
        {
            // GET /markets/{ticker}/orderbook: the ticker is in the request path, not the body.
            // REST has no use_yes_price flag: its NO levels are NO bids at NO prices whatever this connection subscribed with.
            var instrument = RestBookInstrument(frame.Endpoint);
            if (instrument is null || !BuildSnapshot(instrument, 0, frame.RecvTsNs, noLevelsAtNoPrice: true))
            {
                return ParseOutcome.Malformed;
            }

            return EmitBook(0, sink);
        }

        if (_e.HasTrades)
        {
            CurrentSid = 0;
            _batch.SortTradesByTime();
            for (var i = 0; i < _batch.TradeCount; i++)
            {
                sink.OnTrade(_batch.Trade(i));
            }

            return _batch.TradeCount > 0 ? ParseOutcome.Data : ParseOutcome.Control;
        }

        return ParseOutcome.Ignored; // markets, candlesticks, cutoffs: read by the instrument provider or not market data
    }

    private ParseOutcome EmitDelta(long ts, IMarketDataSink sink)
    {
        if (_m.Instrument is null || !_e.HasSid || !_e.HasSeq || !_m.HasPrice || !_m.HasDelta || _m.Side == SideNone
            || _m.Price <= 0 || _m.Price >= FixedPoint.One)
        {
            return ParseOutcome.Malformed;
        }

        _update.Reset(_m.Instrument, BookUpdateKind.SignedDelta, EventTime(ts), ts);
        _update.FirstUpdateId = _e.Seq;
        _update.LastUpdateId = _e.Seq;
        var (side, price) = _m.Side == SideYes ? (BookSide.Bid, _m.Price) : (BookSide.Ask, NoLevelAsYesAsk(_m.Price));
        _update.Add(side, new Price(price), new Quantity(_m.Delta));
        _update.PriceDecimals = _m.PriceDecimals;
        _update.SizeDecimals = _m.DeltaDecimals;
        return EmitBook(_e.Sid, sink);
    }

    private ParseOutcome EmitBook(long sid, IMarketDataSink sink)
    {
        CurrentSid = sid;
        sink.OnBookUpdate(_update);
        return ParseOutcome.Data;
    }

    /// <summary>Fills the reusable update with a whole book: YES bids best (highest) first, YES asks best (lowest) first.</summary>
    private bool BuildSnapshot(InstrumentId instrument, long seq, long ts, bool noLevelsAtNoPrice)
    {
        _update.Reset(instrument, BookUpdateKind.Snapshot, ts, ts);
        _update.FirstUpdateId = seq;
        _update.LastUpdateId = seq;
        if (noLevelsAtNoPrice)
        {
            _no.Complement();
        }

        if (!_yes.SortAndCheckUnique() || !_no.SortAndCheckUnique())
        {
            return false; // the same price twice on one side: not a book
        }

        var yes = _yes.Levels;
        for (var i = yes.Length - 1; i >= 0; i--)
        {
            _update.Add(BookSide.Bid, new Price(yes[i].Price), new Quantity(yes[i].Size));
        }

        foreach (var level in _no.Levels)
        {
            _update.Add(BookSide.Ask, new Price(level.Price), new Quantity(level.Size));
        }

        _update.PriceDecimals = Math.Max(_yes.PriceDecimals, _no.PriceDecimals);
        _update.SizeDecimals = Math.Max(_yes.SizeDecimals, _no.SizeDecimals);
        return true;
    }

    private long NoLevelAsYesAsk(long price) =>
        Pricing == KalshiBookPricing.NoLevelsAtNoPrice ? FixedPoint.One - price : price;

    /// <summary>Venue time: ts_ms when sent, else ts (Unix seconds, or RFC 3339 text on older deltas), else the receive time.</summary>
    private long EventTime(long tsRecv) => EventTime(_m, tsRecv);

    private static long EventTime(in MsgFields m, long tsRecv) =>
        m.HasTsMs ? m.TsMs * NanosPerMilli : m.HasTs ? m.Ts : tsRecv;

    private static bool TryBuildTrade(in MsgFields m, long tsRecv, out TradeTick trade)
    {
        trade = default;
        // The taker bought the side it names: buying YES lifts YES asks (a buy); buying NO hits YES bids (a sell, in YES terms).
        var takerSide = m.TakerSide != SideNone ? m.TakerSide : m.TakerOutcomeSide;
        if (m.Instrument is null || !m.HasYesPrice || !m.HasCount || takerSide == SideNone || m.Count <= 0)
        {
            return false;
        }

        var aggressor = takerSide == SideYes ? OrderSide.Buy : OrderSide.Sell;
        trade = new TradeTick(m.Instrument, new Price(m.YesPrice), new Quantity(m.Count), aggressor, 0, EventTime(m, tsRecv), tsRecv);
        return true;
    }

    private InstrumentId? RestBookInstrument(string? endpoint)
    {
        const string marketsKey = "/markets/";
        const string bookKey = "/orderbook";
        if (endpoint is not null)
        {
            var at = endpoint.IndexOf(marketsKey, StringComparison.Ordinal);
            var end = endpoint.IndexOf(bookKey, StringComparison.Ordinal);
            if (at >= 0 && end > at + marketsKey.Length)
            {
                return _symbols.Get(endpoint[(at + marketsKey.Length)..end]);
            }
        }

        return _symbols.OnlyInstrument;
    }
}
