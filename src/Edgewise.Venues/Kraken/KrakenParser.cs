// Kraken Spot WebSocket v2 market-data parser (FACTS §2.2-2.3). Pure and allocation-free per frame once
// warm: one Utf8JsonReader pass collects every element of "data" into a reusable batch, and only a frame
// that was valid from start to end reaches the sink.
//   book    -> one BookUpdate per element (snapshot | update; absolute qty, 0 removes), with the venue's
//              CRC32 in BookUpdate.Checksum. Prices and quantities are JSON numbers: their exact text is
//              read, never a double. Kraken has no sequence numbers; KrakenBookSync verifies the checksum.
//   trade   -> TradeTicks (side = taker side), oldest first; ticker -> QuoteTick (best bid/ask and sizes).
//   heartbeat, status and method replies (subscribe/unsubscribe acks, pong) -> Control; other channels
//   (instrument, ohlc, level3 ...) and v1 array frames -> Ignored.
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed partial class KrakenParser : IVenueParser
{
    public const string VenueName = "kraken";

    /// <summary>Largest frame accepted: a depth-1000 snapshot is under 100 KB.</summary>
    public const int DefaultMaxFrameBytes = 8 * 1024 * 1024;

    private readonly FrameBatch _batch = new();
    private readonly SymbolTable _symbols;
    private readonly int _maxFrameBytes;
    private Envelope _e;

    public KrakenParser(string venue = VenueName, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        Venue = venue;
        _symbols = new SymbolTable(venue);
        _maxFrameBytes = maxFrameBytes;
    }

    public string Venue { get; }

    /// <summary>The instruments seen so far, by v2 symbol ("BTC/USD").</summary>
    public SymbolTable Symbols => _symbols;

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
            if (!reader.Read())
            {
                return ParseOutcome.Malformed;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip(); // a v1 frame ([channelID, payload, name, pair]): valid, but not this protocol
                return reader.Read() ? ParseOutcome.Malformed : ParseOutcome.Ignored;
            }

            if (reader.TokenType != JsonTokenType.StartObject || !ReadEnvelope(ref reader, frame.RecvTsNs))
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
        if (_e.HasMethod)
        {
            return ParseOutcome.Control; // subscribe/unsubscribe ack or pong (success or error alike)
        }

        var ts = frame.RecvTsNs;
        switch (_e.Channel)
        {
            case Channel.Book:
                if (_e.Type is not (MessageType.Snapshot or MessageType.Update) || _batch.BookCount != _e.DataElements || _batch.BookCount == 0)
                {
                    return ParseOutcome.Malformed;
                }

                for (var i = 0; i < _batch.BookCount; i++)
                {
                    var book = _batch.Book(i);
                    book.Kind = _e.Type == MessageType.Snapshot ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
                    if (book.TsEvent == FrameBatch.NoTime)
                    {
                        book.TsEvent = ts; // snapshots carry no timestamp
                    }

                    sink.OnBookUpdate(book);
                }

                return ParseOutcome.Data;

            case Channel.Trade:
                if (_batch.TradeCount != _e.DataElements)
                {
                    return ParseOutcome.Malformed;
                }

                for (var i = 0; i < _batch.TradeCount; i++)
                {
                    ref var trade = ref _batch.Trade(i);
                    if (trade.TsEvent == FrameBatch.NoTime)
                    {
                        trade = trade with { TsEvent = ts };
                    }
                }

                _batch.SortTradesByTime();
                for (var i = 0; i < _batch.TradeCount; i++)
                {
                    sink.OnTrade(_batch.Trade(i));
                }

                return _batch.TradeCount > 0 ? ParseOutcome.Data : ParseOutcome.Ignored;

            case Channel.Ticker:
                if (_batch.QuoteCount != _e.DataElements)
                {
                    return ParseOutcome.Malformed;
                }

                for (var i = 0; i < _batch.QuoteCount; i++)
                {
                    ref var quote = ref _batch.Quote(i);
                    if (quote.TsEvent == FrameBatch.NoTime)
                    {
                        quote = quote with { TsEvent = ts }; // older ticker messages have no timestamp
                    }

                    sink.OnQuote(quote);
                }

                return _batch.QuoteCount > 0 ? ParseOutcome.Data : ParseOutcome.Ignored;

            case Channel.Heartbeat:
            case Channel.Status:
                return ParseOutcome.Control;

            default:
                return ParseOutcome.Ignored;
        }
    }
}
