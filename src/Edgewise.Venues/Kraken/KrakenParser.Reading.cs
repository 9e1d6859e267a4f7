// The field-by-field reading half of KrakenParser. The envelope's channel may follow its data, so each data
// element is read by the names it contains (bids/asks/checksum: book; side/price/qty/trade_id: trade;
// bid/ask and their qty: ticker) and the channel decides at the end; every element must then be of the
// channel's kind, or the frame is malformed.
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kraken;

public sealed partial class KrakenParser
{
    private enum Channel : byte
    {
        None = 0,
        Book,
        Trade,
        Ticker,
        Heartbeat,
        Status,
        Other,
    }

    private enum MessageType : byte
    {
        None = 0,
        Snapshot,
        Update,
        Other,
    }

    private struct Envelope
    {
        public Channel Channel;
        public MessageType Type;
        public bool HasMethod;
        public int DataElements;
    }

    /// <summary>Fields of one data element; bit flags say which were present.</summary>
    private struct Element
    {
        public const int BookBit = 1, ChecksumBit = 2, SideBit = 4, PriceBit = 8, QtyBit = 16, TradeIdBit = 32;
        public const int BidBit = 64, BidQtyBit = 128, AskBit = 256, AskQtyBit = 512;
        public const int TradeBits = SideBit | PriceBit | QtyBit | TradeIdBit;
        public const int TickerBits = BidBit | BidQtyBit | AskBit | AskQtyBit;

        public int Fields;
        public InstrumentId? Symbol;
        public BookUpdate? Book;
        public uint Checksum;
        public OrderSide Side;
        public long Price, Qty, TradeId, Bid, BidQty, Ask, AskQty, Time;
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

                _e.Channel = reader.ValueTextEquals("book"u8) ? Channel.Book
                    : reader.ValueTextEquals("trade"u8) ? Channel.Trade
                    : reader.ValueTextEquals("ticker"u8) ? Channel.Ticker
                    : reader.ValueTextEquals("heartbeat"u8) ? Channel.Heartbeat
                    : reader.ValueTextEquals("status"u8) ? Channel.Status
                    : Channel.Other;
            }
            else if (name.SequenceEqual("type"u8))
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                _e.Type = reader.ValueTextEquals("snapshot"u8) ? MessageType.Snapshot
                    : reader.ValueTextEquals("update"u8) ? MessageType.Update
                    : MessageType.Other;
            }
            else if (name.SequenceEqual("method"u8))
            {
                _e.HasMethod = true;
                reader.Skip();
            }
            else if (name.SequenceEqual("data"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                if (!ReadData(ref reader, tsRecv))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip(); // includes "data" objects (instrument channel) and method replies' "result"
            }
        }

        return false;
    }

    private bool ReadData(ref Utf8JsonReader reader, long tsRecv)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            _e.DataElements++;
            var element = new Element { Time = FrameBatch.NoTime };
            if (!ReadElement(ref reader, ref element, tsRecv) || !Complete(ref element, tsRecv))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool ReadElement(ref Utf8JsonReader reader, ref Element e, long tsRecv)
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

            bool ok;
            if (name.SequenceEqual("symbol"u8))
            {
                ok = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.ValueSpan.IsEmpty;
                e.Symbol = ok ? _symbols.Get(reader.ValueSpan) : null;
            }
            else if (name.SequenceEqual("bids"u8) || name.SequenceEqual("asks"u8))
            {
                e.Book ??= _batch.NextBook(tsRecv);
                e.Fields |= Element.BookBit;
                ok = ReadLevels(ref reader, e.Book, name[0] == (byte)'b' ? BookSide.Bid : BookSide.Ask);
            }
            else if (name.SequenceEqual("checksum"u8))
            {
                ok = reader.TryGetUInt32(out e.Checksum);
                e.Fields |= Element.ChecksumBit;
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                ok = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                    && Rfc3339Time.TryParseUnixNanos(reader.ValueSpan, out e.Time);
            }
            else if (name.SequenceEqual("side"u8))
            {
                e.Side = reader.TokenType != JsonTokenType.String ? OrderSide.None
                    : reader.ValueTextEquals("buy"u8) ? OrderSide.Buy
                    : reader.ValueTextEquals("sell"u8) ? OrderSide.Sell
                    : OrderSide.None;
                ok = e.Side != OrderSide.None;
                e.Fields |= Element.SideBit;
            }
            else if (name.SequenceEqual("trade_id"u8))
            {
                ok = reader.TryGetInt64(out e.TradeId) && e.TradeId >= 0;
                e.Fields |= Element.TradeIdBit;
            }
            else
            {
                ok = ReadNumberField(ref reader, name, ref e);
            }

            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    private static bool ReadNumberField(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref Element e)
    {
        if (name.SequenceEqual("price"u8))
        {
            e.Fields |= Element.PriceBit;
            return DecimalText.TryRead(ref reader, out e.Price, out _) && e.Price > 0;
        }

        if (name.SequenceEqual("qty"u8))
        {
            e.Fields |= Element.QtyBit;
            return DecimalText.TryRead(ref reader, out e.Qty, out _) && e.Qty > 0;
        }

        if (name.SequenceEqual("bid"u8))
        {
            e.Fields |= Element.BidBit;
            return DecimalText.TryRead(ref reader, out e.Bid, out _) && e.Bid >= 0;
        }

        if (name.SequenceEqual("bid_qty"u8))
        {
            e.Fields |= Element.BidQtyBit;
            return DecimalText.TryRead(ref reader, out e.BidQty, out _) && e.BidQty >= 0;
        }

        if (name.SequenceEqual("ask"u8))
        {
            e.Fields |= Element.AskBit;
            return DecimalText.TryRead(ref reader, out e.Ask, out _) && e.Ask >= 0;
        }

        if (name.SequenceEqual("ask_qty"u8))
        {
            e.Fields |= Element.AskQtyBit;
            return DecimalText.TryRead(ref reader, out e.AskQty, out _) && e.AskQty >= 0;
        }

        reader.Skip(); // last, volume, vwap, ord_type, system, connection_id ...
        return true;
    }

    /// <summary>Turns a read element into the batch entry its fields describe; a partial book, trade or ticker is malformed.</summary>
    private bool Complete(ref Element e, long tsRecv)
    {
        if ((e.Fields & (Element.BookBit | Element.ChecksumBit)) != 0)
        {
            if (e.Symbol is null || (e.Fields & Element.ChecksumBit) == 0)
            {
                return false;
            }

            e.Book ??= _batch.NextBook(tsRecv);
            e.Book.Instrument = e.Symbol;
            e.Book.Checksum = e.Checksum;
            e.Book.TsEvent = e.Time;
            return true;
        }

        if ((e.Fields & Element.TradeBits) != 0)
        {
            if (e.Symbol is null || (e.Fields & Element.TradeBits) != Element.TradeBits)
            {
                return false;
            }

            _batch.AddTrade(new TradeTick(e.Symbol, new Price(e.Price), new Quantity(e.Qty), e.Side, e.TradeId, e.Time, tsRecv));
            return true;
        }

        if ((e.Fields & Element.TickerBits) != 0)
        {
            if (e.Symbol is null || (e.Fields & Element.TickerBits) != Element.TickerBits)
            {
                return false;
            }

            _batch.AddQuote(new QuoteTick(e.Symbol, new Price(e.Bid), new Quantity(e.BidQty), new Price(e.Ask), new Quantity(e.AskQty), null, e.Time, tsRecv));
            return true;
        }

        return true; // status and other channels' elements: nothing to keep
    }

    /// <summary>Reads [{"price": n, "qty": n}, ...]; qty is the new absolute size (0 removes).</summary>
    private static bool ReadLevels(ref Utf8JsonReader reader, BookUpdate book, BookSide side)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
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

                if (name.SequenceEqual("price"u8))
                {
                    hasPrice = DecimalText.TryRead(ref reader, out price, out priceDecimals) && price > 0;
                    if (!hasPrice)
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("qty"u8))
                {
                    hasQty = DecimalText.TryRead(ref reader, out qty, out qtyDecimals) && qty >= 0;
                    if (!hasQty)
                    {
                        return false;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || !hasPrice || !hasQty)
            {
                return false;
            }

            book.Add(side, new Price(price), new Quantity(qty));
            book.PriceDecimals = Math.Max(book.PriceDecimals, priceDecimals);
            book.SizeDecimals = Math.Max(book.SizeDecimals, qtyDecimals);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
