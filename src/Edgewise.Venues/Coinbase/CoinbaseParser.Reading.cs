// The field-by-field reading half of CoinbaseParser. Nothing assumes field order: the envelope's channel
// may follow its events, and an event's product_id may follow its levels, so each event is read by the
// names it contains (updates / trades / tickers) and the channel decides at the end what is emitted.
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed partial class CoinbaseParser
{
    private enum Channel : byte
    {
        None = 0,
        L2Data,
        MarketTrades,
        Ticker,
        Heartbeats,
        Subscriptions,
        Other,
    }

    private enum EventType : byte
    {
        None = 0,
        Snapshot,
        Update,
        Other,
    }

    private struct Envelope
    {
        public Channel Channel;
        public bool HasSequence, HasTimestamp;
        public long Sequence, TimestampNs;
    }

    private bool ReadEnvelope(ref Utf8JsonReader reader, long tsRecv)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            if (name.SequenceEqual("channel"u8))
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                _e.Channel = reader.ValueTextEquals("l2_data"u8) ? Channel.L2Data
                    : reader.ValueTextEquals("market_trades"u8) ? Channel.MarketTrades
                    : reader.ValueTextEquals("ticker"u8) ? Channel.Ticker
                    : reader.ValueTextEquals("heartbeats"u8) ? Channel.Heartbeats
                    : reader.ValueTextEquals("subscriptions"u8) ? Channel.Subscriptions
                    : Channel.Other;
            }
            else if (name.SequenceEqual("sequence_num"u8))
            {
                if (!reader.TryGetInt64(out _e.Sequence) || _e.Sequence < 0)
                {
                    return false;
                }

                _e.HasSequence = true;
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                if (!TryReadTime(ref reader, out _e.TimestampNs))
                {
                    return false;
                }

                _e.HasTimestamp = true;
            }
            else if (name.SequenceEqual("events"u8))
            {
                if (!ReadEvents(ref reader, tsRecv))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return false;
    }

    private bool ReadEvents(ref Utf8JsonReader reader, long tsRecv)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!ReadEvent(ref reader, tsRecv))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool ReadEvent(ref Utf8JsonReader reader, long tsRecv)
    {
        var type = EventType.None;
        InstrumentId? product = null;
        BookUpdate? book = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return book is null || CompleteBook(book, product, type);
            }

            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            if (name.SequenceEqual("type"u8))
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                type = reader.ValueTextEquals("snapshot"u8) ? EventType.Snapshot
                    : reader.ValueTextEquals("update"u8) ? EventType.Update
                    : EventType.Other;
            }
            else if (name.SequenceEqual("product_id"u8))
            {
                if (!TryReadProduct(ref reader, out product))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("updates"u8))
            {
                book ??= _batch.NextBook(tsRecv);
                if (!ReadLevels(ref reader, book))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("trades"u8))
            {
                if (!ReadArrayOfObjects(ref reader, static (CoinbaseParser p, ref Utf8JsonReader r, long ts) => p.ReadTrade(ref r, ts), tsRecv))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("tickers"u8))
            {
                if (!ReadArrayOfObjects(ref reader, static (CoinbaseParser p, ref Utf8JsonReader r, long ts) => p.ReadTicker(ref r, ts), tsRecv))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return false;
    }

    private static bool CompleteBook(BookUpdate book, InstrumentId? product, EventType type)
    {
        if (product is null || type is not (EventType.Snapshot or EventType.Update))
        {
            return false;
        }

        book.Instrument = product;
        book.Kind = type == EventType.Snapshot ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
        return true;
    }

    private delegate bool ObjectReader(CoinbaseParser parser, ref Utf8JsonReader reader, long tsRecv);

    private bool ReadArrayOfObjects(ref Utf8JsonReader reader, ObjectReader read, long tsRecv)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!read(this, ref reader, tsRecv))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>Reads updates[] of {side, event_time, price_level, new_quantity}; the book's venue time is the latest event_time.</summary>
    private static bool ReadLevels(ref Utf8JsonReader reader, BookUpdate book)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            BookSide? side = null;
            bool hasPrice = false, hasQty = false;
            long price = 0, qty = 0;
            int priceDecimals = 0, qtyDecimals = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (reader.ValueIsEscaped || !reader.Read())
                {
                    return false;
                }

                if (name.SequenceEqual("side"u8))
                {
                    side = reader.TokenType != JsonTokenType.String ? null
                        : reader.ValueTextEquals("bid"u8) ? BookSide.Bid
                        : reader.ValueTextEquals("offer"u8) ? BookSide.Ask
                        : null;
                    if (side is null)
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("price_level"u8))
                {
                    hasPrice = DecimalText.TryRead(ref reader, out price, out priceDecimals) && price > 0;
                    if (!hasPrice)
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("new_quantity"u8))
                {
                    hasQty = DecimalText.TryRead(ref reader, out qty, out qtyDecimals) && qty >= 0;
                    if (!hasQty)
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("event_time"u8))
                {
                    if (!TryReadTime(ref reader, out var eventTime))
                    {
                        return false;
                    }

                    book.TsEvent = Math.Max(book.TsEvent, eventTime);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || side is null || !hasPrice || !hasQty)
            {
                return false;
            }

            book.Add(side.Value, new Price(price), new Quantity(qty));
            book.PriceDecimals = Math.Max(book.PriceDecimals, priceDecimals);
            book.SizeDecimals = Math.Max(book.SizeDecimals, qtyDecimals);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool TryReadProduct(ref Utf8JsonReader reader, out InstrumentId? product)
    {
        product = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.ValueSpan.IsEmpty
            ? _symbols.Get(reader.ValueSpan)
            : null;
        return product is not null;
    }

    private static bool TryReadTime(ref Utf8JsonReader reader, out long unixNanos)
    {
        unixNanos = 0;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Rfc3339Time.TryParseUnixNanos(reader.ValueSpan, out unixNanos);
    }
}
