// The field-by-field reading half of BitstampParser. The same names are read at the top level (REST book,
// event/channel) and inside "data" (WS payloads), and the event and channel decide at the end what the
// fields mean.
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Bitstamp;

public sealed partial class BitstampParser
{
    private enum EventKind : byte
    {
        None = 0,
        Trade,
        Data,
        Control,
        RequestReconnect,
        Other,
    }

    private enum ChannelKind : byte
    {
        None = 0,
        LiveTrades,
        DiffOrderBook,
        OrderBook,
        Other,
    }

    private struct Scratch
    {
        public EventKind Event;
        public ChannelKind Channel;
        public InstrumentId? Instrument;
        public bool HasMicros, HasSeconds, HasBids, HasAsks, LevelHadExtra, HasId;
        public bool HasPriceText, HasPriceNumber, HasAmountText, HasAmountNumber;
        public long Micros, Seconds, Id, PriceText, PriceNumber, AmountText, AmountNumber;
        public OrderSide Aggressor;
        public int OutOfRangeAsks;
    }

    private bool ReadObject(ref Utf8JsonReader reader, bool topLevel)
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

            if (topLevel && name.SequenceEqual("event"u8))
            {
                if (!ReadEvent(ref reader))
                {
                    return false;
                }
            }
            else if (topLevel && name.SequenceEqual("channel"u8))
            {
                if (!ReadChannel(ref reader))
                {
                    return false;
                }
            }
            else if (topLevel && name.SequenceEqual("data"u8))
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!ReadObject(ref reader, topLevel: false))
                    {
                        return false;
                    }
                }
                else
                {
                    reader.Skip(); // bts:request_reconnect sends "data": ""
                }
            }
            else if (!ReadPayloadField(ref reader, name))
            {
                return false;
            }
        }

        return false;
    }

    private bool ReadEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        _s.Event = reader.ValueTextEquals("trade"u8) ? EventKind.Trade
            : reader.ValueTextEquals("data"u8) ? EventKind.Data
            : reader.ValueTextEquals("bts:request_reconnect"u8) ? EventKind.RequestReconnect
            : reader.ValueTextEquals("bts:subscription_succeeded"u8) || reader.ValueTextEquals("bts:unsubscription_succeeded"u8)
              || reader.ValueTextEquals("bts:heartbeat"u8) || reader.ValueTextEquals("bts:connection_established"u8)
              || reader.ValueTextEquals("bts:error"u8) ? EventKind.Control
            : EventKind.Other;
        return true;
    }

    private bool ReadChannel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var channel = reader.ValueSpan;
        ReadOnlySpan<byte> pair;
        if (channel.StartsWith("live_trades_"u8))
        {
            _s.Channel = ChannelKind.LiveTrades;
            pair = channel["live_trades_"u8.Length..];
        }
        else if (channel.StartsWith("diff_order_book_"u8))
        {
            _s.Channel = ChannelKind.DiffOrderBook;
            pair = channel["diff_order_book_"u8.Length..];
        }
        else if (channel.StartsWith("order_book_"u8))
        {
            _s.Channel = ChannelKind.OrderBook;
            pair = channel["order_book_"u8.Length..];
        }
        else
        {
            _s.Channel = ChannelKind.Other; // detail_order_book_, live_orders_, private-..., "" on bts: events
            return true;
        }

        if (pair.IsEmpty)
        {
            return false;
        }

        _s.Instrument = _symbols.Get(pair);
        return true;
    }

    private bool ReadPayloadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("microtimestamp"u8))
        {
            _s.HasMicros = IntegerText.TryReadInt64(ref reader, out _s.Micros) && _s.Micros > 0;
            return _s.HasMicros;
        }

        if (name.SequenceEqual("timestamp"u8))
        {
            _s.HasSeconds = IntegerText.TryReadInt64(ref reader, out _s.Seconds) && _s.Seconds > 0;
            return _s.HasSeconds;
        }

        if (name.SequenceEqual("bids"u8))
        {
            _s.HasBids = true;
            return ReadLevels(ref reader, BookSide.Bid);
        }

        if (name.SequenceEqual("asks"u8))
        {
            _s.HasAsks = true;
            return ReadLevels(ref reader, BookSide.Ask);
        }

        if (name.SequenceEqual("id"u8))
        {
            _s.HasId = reader.TryGetInt64(out _s.Id) && _s.Id >= 0;
            return _s.HasId;
        }

        if (name.SequenceEqual("type"u8))
        {
            if (!reader.TryGetInt32(out var type) || type is < 0 or > 1)
            {
                return false;
            }

            _s.Aggressor = type == 0 ? OrderSide.Buy : OrderSide.Sell;
            return true;
        }

        if (name.SequenceEqual("price_str"u8))
        {
            return _s.HasPriceText = reader.TokenType == JsonTokenType.String && DecimalText.TryRead(ref reader, out _s.PriceText, out _);
        }

        if (name.SequenceEqual("price"u8))
        {
            return _s.HasPriceNumber = DecimalText.TryRead(ref reader, out _s.PriceNumber, out _);
        }

        if (name.SequenceEqual("amount_str"u8))
        {
            return _s.HasAmountText = reader.TokenType == JsonTokenType.String && DecimalText.TryRead(ref reader, out _s.AmountText, out _);
        }

        if (name.SequenceEqual("amount"u8))
        {
            return _s.HasAmountNumber = DecimalText.TryRead(ref reader, out _s.AmountNumber, out _);
        }

        reader.Skip(); // buy_order_id, sell_order_id, and fields of events this parser ignores
        return true;
    }

    /// <summary>Reads [["price", "amount"], ...] into the reusable update; amounts are absolute ("0.00000000" removes).</summary>
    private bool ReadLevels(ref Utf8JsonReader reader, BookSide side)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            if (!reader.Read())
            {
                return false;
            }

            var beyondRange = false;
            if (!DecimalText.TryRead(ref reader, out var price, out var priceDecimals) || price <= 0)
            {
                beyondRange = side == BookSide.Ask && DecimalText.IsBeyondRange(ref reader);
                if (!beyondRange)
                {
                    return false;
                }
            }

            if (!reader.Read() || !DecimalText.TryRead(ref reader, out var amount, out var amountDecimals) || amount < 0 || !reader.Read())
            {
                return false;
            }

            // detail_order_book levels carry an order id as a third element; they are not a book this parser builds.
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                _s.LevelHadExtra = true;
                reader.Skip();
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    return false;
                }
            }

            if (beyondRange)
            {
                _s.OutOfRangeAsks++;
                continue;
            }

            _update.Add(side, new Price(price), new Quantity(amount));
            _update.PriceDecimals = Math.Max(_update.PriceDecimals, priceDecimals);
            _update.SizeDecimals = Math.Max(_update.SizeDecimals, amountDecimals);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
