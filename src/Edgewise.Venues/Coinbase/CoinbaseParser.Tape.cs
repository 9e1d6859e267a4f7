// The market_trades and ticker half of CoinbaseParser's reading: one trade or ticker object at a time,
// complete or refused, added to the frame's batch (emitted only when the whole frame has been read).
using System.Text.Json;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Coinbase;

public sealed partial class CoinbaseParser
{
    /// <summary>One market_trades entry. A trade_id that is not a number (never seen on spot) is kept as 0, "no id".</summary>
    private bool ReadTrade(ref Utf8JsonReader reader, long tsRecv)
    {
        InstrumentId? product = null;
        var aggressor = OrderSide.None;
        bool hasId = false, hasPrice = false, hasSize = false;
        long id = 0, price = 0, size = 0, time = FrameBatch.NoTime;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            if (name.SequenceEqual("trade_id"u8))
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                {
                    return false;
                }

                hasId = true;
                if (!IntegerText.TryReadInt64(ref reader, out id) || id < 0)
                {
                    id = 0;
                }
            }
            else if (name.SequenceEqual("product_id"u8))
            {
                if (!TryReadProduct(ref reader, out product))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("price"u8))
            {
                hasPrice = DecimalText.TryRead(ref reader, out price, out _) && price > 0;
                if (!hasPrice)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("size"u8))
            {
                hasSize = DecimalText.TryRead(ref reader, out size, out _) && size > 0;
                if (!hasSize)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("side"u8))
            {
                aggressor = reader.TokenType != JsonTokenType.String ? OrderSide.None
                    : reader.ValueTextEquals("BUY"u8) ? OrderSide.Buy
                    : reader.ValueTextEquals("SELL"u8) ? OrderSide.Sell
                    : OrderSide.None;
                if (aggressor == OrderSide.None)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("time"u8))
            {
                if (!TryReadTime(ref reader, out time))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || product is null || !hasId || !hasPrice || !hasSize || aggressor == OrderSide.None)
        {
            return false;
        }

        _batch.AddTrade(new TradeTick(product, new Price(price), new Quantity(size), aggressor, id, time, tsRecv));
        return true;
    }

    /// <summary>One ticker entry: only the best bid/ask and their quantities are kept (the 24 h statistics are not market data here).</summary>
    private bool ReadTicker(ref Utf8JsonReader reader, long tsRecv)
    {
        InstrumentId? product = null;
        long bid = 0, bidQty = 0, ask = 0, askQty = 0;
        var fields = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            var ok = true;
            if (name.SequenceEqual("product_id"u8))
            {
                ok = TryReadProduct(ref reader, out product);
            }
            else if (name.SequenceEqual("best_bid"u8))
            {
                ok = ReadTickerField(ref reader, ref bid, ref fields, 1);
            }
            else if (name.SequenceEqual("best_bid_quantity"u8))
            {
                ok = ReadTickerField(ref reader, ref bidQty, ref fields, 2);
            }
            else if (name.SequenceEqual("best_ask"u8))
            {
                ok = ReadTickerField(ref reader, ref ask, ref fields, 4);
            }
            else if (name.SequenceEqual("best_ask_quantity"u8))
            {
                ok = ReadTickerField(ref reader, ref askQty, ref fields, 8);
            }
            else
            {
                reader.Skip();
            }

            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || product is null || fields != 0b1111)
        {
            return false;
        }

        _batch.AddQuote(new QuoteTick(product, new Price(bid), new Quantity(bidQty), new Price(ask), new Quantity(askQty), null, FrameBatch.NoTime, tsRecv));
        return true;
    }

    private static bool ReadTickerField(ref Utf8JsonReader reader, ref long target, ref int fields, int bit)
    {
        if (!DecimalText.TryRead(ref reader, out target, out _) || target < 0)
        {
            return false;
        }

        fields |= bit;
        return true;
    }
}
