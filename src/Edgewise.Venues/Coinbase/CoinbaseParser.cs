// Coinbase Advanced Trade market-data parser (FACTS §1.3). Pure and allocation-free per frame once warm:
// one Utf8JsonReader pass collects the frame's books, trades and tickers into a reusable batch, and only
// a frame that was valid from start to end reaches the sink, so a malformed frame never half-applies.
//   l2_data       -> one BookUpdate per event (snapshot | update, absolute sizes, "0" removes; snapshot
//                    levels come unsorted, which is fine for a book that sets each level).
//   market_trades -> TradeTicks (snapshot and update alike; a snapshot's trades are recent history),
//                    oldest first, side = aggressor, numeric trade_id as the id.
//   ticker        -> QuoteTick of best bid/ask and their quantities.
//   heartbeats, subscriptions -> Control; other channels -> Ignored; frames without a channel (Exchange
//                    feed, errors) -> Ignored.
// Sequence numbers: the envelope's sequence_num counts every message on the connection across channels.
// A book message carries it in BookUpdate.FirstUpdateId/LastUpdateId; for every valid frame that has one
// (book or not) the parser raises SequenceObserved before emitting anything, so CoinbaseBookSync sees a gap
// caused by a lost trade or heartbeat message too, and sees it before the data that follows it. A malformed
// frame reports nothing, so the next valid frame shows a gap: its content is lost, and books resync.
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed partial class CoinbaseParser : IVenueParser
{
    public const string VenueName = "coinbase";

    /// <summary>Largest frame accepted: a full BTC-USD level2 snapshot is a few MB; anything far beyond is not a Coinbase frame.</summary>
    public const int DefaultMaxFrameBytes = 32 * 1024 * 1024;

    private readonly FrameBatch _batch = new();
    private readonly SymbolTable _symbols;
    private readonly int _maxFrameBytes;
    private Envelope _e;

    public CoinbaseParser(string venue = VenueName, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        Venue = venue;
        _symbols = new SymbolTable(venue);
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Raised for each valid frame with a sequence_num, before its data reaches the sink: (sequence_num, receive time ns).</summary>
    public event Action<long, long>? SequenceObserved;

    public string Venue { get; }

    /// <summary>The instruments seen so far, by product id.</summary>
    public SymbolTable Symbols => _symbols;

    /// <summary>sequence_num of the last valid frame that had one; null before any.</summary>
    public long? LastSequenceNum { get; private set; }

    public ParseOutcome Parse(in RawFrame frame, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (frame.Raw.Length > _maxFrameBytes)
        {
            return ParseOutcome.Malformed;
        }

        _e = default;
        _batch.Clear();
        try
        {
            var reader = new Utf8JsonReader(frame.Raw.Span, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !ReadEnvelope(ref reader, frame.RecvTsNs))
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
        if (_e.Channel == Channel.None)
        {
            return ParseOutcome.Ignored; // not an Advanced Trade envelope (Exchange feed, error reply)
        }

        if (_e.Channel == Channel.L2Data && !_e.HasSequence)
        {
            return ParseOutcome.Malformed; // a book message must be placeable in the connection's sequence
        }

        if (_e.HasSequence)
        {
            LastSequenceNum = _e.Sequence;
            SequenceObserved?.Invoke(_e.Sequence, frame.RecvTsNs);
        }

        var envelopeTime = _e.HasTimestamp ? _e.TimestampNs : frame.RecvTsNs;
        switch (_e.Channel)
        {
            case Channel.L2Data:
                for (var i = 0; i < _batch.BookCount; i++)
                {
                    var book = _batch.Book(i);
                    book.FirstUpdateId = _e.Sequence;
                    book.LastUpdateId = _e.Sequence;
                    if (book.TsEvent == FrameBatch.NoTime)
                    {
                        book.TsEvent = envelopeTime;
                    }

                    sink.OnBookUpdate(book);
                }

                return _batch.BookCount > 0 ? ParseOutcome.Data : ParseOutcome.Ignored;

            case Channel.MarketTrades:
                for (var i = 0; i < _batch.TradeCount; i++)
                {
                    ref var trade = ref _batch.Trade(i);
                    if (trade.TsEvent == FrameBatch.NoTime)
                    {
                        trade = trade with { TsEvent = envelopeTime };
                    }
                }

                _batch.SortTradesByTime(); // Coinbase batches trades newest first
                for (var i = 0; i < _batch.TradeCount; i++)
                {
                    sink.OnTrade(_batch.Trade(i));
                }

                return _batch.TradeCount > 0 ? ParseOutcome.Data : ParseOutcome.Ignored;

            case Channel.Ticker:
                for (var i = 0; i < _batch.QuoteCount; i++)
                {
                    ref var quote = ref _batch.Quote(i);
                    quote = quote with { TsEvent = envelopeTime, UpdateId = _e.HasSequence ? _e.Sequence : null };
                    sink.OnQuote(quote);
                }

                return _batch.QuoteCount > 0 ? ParseOutcome.Data : ParseOutcome.Ignored;

            case Channel.Heartbeats:
            case Channel.Subscriptions:
                return ParseOutcome.Control;

            default:
                return ParseOutcome.Ignored;
        }
    }
}
