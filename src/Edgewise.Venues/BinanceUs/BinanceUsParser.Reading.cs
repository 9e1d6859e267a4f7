// The field-by-field reading half of BinanceUsParser. Field names are case-sensitive on Binance
// ("b" bids vs "B" best-bid quantity), and some names change meaning with their token type
// ("b"/"a" are level arrays in depthUpdate, prices in bookTicker, order ids in trade), so the type decides.
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

public sealed partial class BinanceUsParser
{
    private enum PayloadKind : byte
    {
        Unknown = 0,
        DepthUpdate,
        Snapshot,
        Trade,
        BookTicker,
        Control,
        OtherEvent,
    }

    /// <summary>Fields collected from one frame before anything is emitted.</summary>
    private struct Scratch
    {
        public PayloadKind Kind;
        public InstrumentId? Instrument;
        public bool HasEventTime, HasFirstId, HasLastId, HasPrice, HasQty, HasTradeId, HasTradeTime, BuyerIsMaker;
        public long EventTimeMs, FirstId, LastId, LastUpdateId, Price, Qty, TradeId, TradeTimeMs;
        public long Bid, BidQty, Ask, AskQty;
        public int TickerFields;
    }

    /// <summary>Reads the object the reader is positioned on (its StartObject) up to its EndObject.</summary>
    private bool ReadObject(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (!ReadProperty(ref reader))
            {
                return false;
            }
        }

        return false;
    }

    private bool ReadProperty(ref Utf8JsonReader reader)
    {
        var name = reader.ValueSpan;
        if (reader.ValueIsEscaped || !reader.Read())
        {
            return false;
        }

        if (name.Length == 1)
        {
            return ReadShortField(name[0], ref reader);
        }

        if (name.SequenceEqual("data"u8))
        {
            return reader.TokenType == JsonTokenType.StartObject && ReadObject(ref reader);
        }

        if (name.SequenceEqual("lastUpdateId"u8))
        {
            _s.Kind = PayloadKind.Snapshot;
            return reader.TryGetInt64(out _s.LastUpdateId);
        }

        if (name.SequenceEqual("bids"u8))
        {
            return ReadLevels(ref reader, BookSide.Bid);
        }

        if (name.SequenceEqual("asks"u8))
        {
            return ReadLevels(ref reader, BookSide.Ask);
        }

        if (name.SequenceEqual("result"u8) || name.SequenceEqual("id"u8))
        {
            if (_s.Kind == PayloadKind.Unknown)
            {
                _s.Kind = PayloadKind.Control;
            }
        }

        reader.Skip();
        return true;
    }

    private bool ReadShortField(byte field, ref Utf8JsonReader reader)
    {
        var type = reader.TokenType;
        switch (field)
        {
            case (byte)'e':
                _s.Kind = reader.ValueTextEquals("depthUpdate"u8) ? PayloadKind.DepthUpdate
                    : reader.ValueTextEquals("trade"u8) ? PayloadKind.Trade
                    : PayloadKind.OtherEvent;
                return true;
            case (byte)'s':
                if (type != JsonTokenType.String || reader.ValueIsEscaped)
                {
                    return false;
                }

                _s.Instrument = _symbols.Get(reader.ValueSpan);
                return true;
            case (byte)'E':
                _s.HasEventTime = reader.TryGetInt64(out _s.EventTimeMs);
                return _s.HasEventTime;
            case (byte)'U':
                _s.HasFirstId = reader.TryGetInt64(out _s.FirstId);
                return _s.HasFirstId;
            case (byte)'u':
                _s.HasLastId = reader.TryGetInt64(out _s.LastId);
                if (_s.Kind == PayloadKind.Unknown)
                {
                    _s.Kind = PayloadKind.BookTicker; // bookTicker has no "e"; a later "e" overrides
                }

                return _s.HasLastId;
            case (byte)'T':
                _s.HasTradeTime = reader.TryGetInt64(out _s.TradeTimeMs);
                return _s.HasTradeTime;
            case (byte)'t':
                _s.HasTradeId = reader.TryGetInt64(out _s.TradeId);
                return _s.HasTradeId;
            case (byte)'m':
                if (type is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return false;
                }

                _s.BuyerIsMaker = type == JsonTokenType.True;
                return true;
            case (byte)'p':
                _s.HasPrice = DecimalText.TryRead(ref reader, out _s.Price, out _);
                return _s.HasPrice;
            case (byte)'q':
                _s.HasQty = DecimalText.TryRead(ref reader, out _s.Qty, out _);
                return _s.HasQty;
            case (byte)'b':
                return type == JsonTokenType.StartArray ? ReadLevels(ref reader, BookSide.Bid)
                    : type != JsonTokenType.String || ReadTickerField(ref reader, ref _s.Bid, 1);
            case (byte)'a':
                return type == JsonTokenType.StartArray ? ReadLevels(ref reader, BookSide.Ask)
                    : type != JsonTokenType.String || ReadTickerField(ref reader, ref _s.Ask, 2);
            case (byte)'B':
                return type != JsonTokenType.String || ReadTickerField(ref reader, ref _s.BidQty, 4);
            case (byte)'A':
                return type != JsonTokenType.String || ReadTickerField(ref reader, ref _s.AskQty, 8);
            default:
                reader.Skip();
                return true;
        }
    }

    private bool ReadTickerField(ref Utf8JsonReader reader, ref long target, int bit)
    {
        if (!DecimalText.TryRead(ref reader, out target, out _))
        {
            return false;
        }

        _s.TickerFields |= bit;
        return true;
    }

    /// <summary>Reads [["price","qty"], ...] into the reusable update; sizes are absolute (0 removes).</summary>
    private bool ReadLevels(ref Utf8JsonReader reader, BookSide side)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            if (!reader.Read() || !DecimalText.TryRead(ref reader, out var price, out var priceDecimals)
                || !reader.Read() || !DecimalText.TryRead(ref reader, out var qty, out var qtyDecimals)
                || price <= 0 || qty < 0)
            {
                return false;
            }

            // Binance levels are [price, qty]; anything after the pair is not part of the format.
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            _update.Add(side, new Price(price), new Quantity(qty));
            _update.PriceDecimals = Math.Max(_update.PriceDecimals, priceDecimals);
            _update.SizeDecimals = Math.Max(_update.SizeDecimals, qtyDecimals);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
