// The field-by-field reading half of KalshiParser. Kalshi puts the message type beside "msg" in no fixed order, so every known
// msg field is read into MsgFields whatever the type, and the type decides afterwards what the frame means. Legacy integer-cent
// fields (price, delta, yes, no, yes_dollars with integer counts) are skipped; a snapshot side that only comes in a legacy form is
// refused rather than read as empty. The CF Benchmarks "data" field is a JSON document inside a JSON string: it is unescaped into
// a reusable buffer and read a second time.
using System.Text.Json;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiParser
{
    private long _tsRecv;
    private bool _legacyYes, _legacyNo, _fpYes, _fpNo;

    private bool ReadEnvelope(ref Utf8JsonReader reader)
    {
        _legacyYes = _legacyNo = _fpYes = _fpNo = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // A snapshot side present only in a retired format would otherwise read as an empty side.
                return !(_legacyYes && !_fpYes) && !(_legacyNo && !_fpNo);
            }

            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            if (!ReadEnvelopeField(name, ref reader))
            {
                return false;
            }
        }

        return false;
    }

    private bool ReadEnvelopeField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        if (name.SequenceEqual("type"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            _e.Type = TypeOf(ref reader);
            return true;
        }

        if (name.SequenceEqual("sid"u8))
        {
            _e.HasSid = TryInt64(ref reader, out _e.Sid) && _e.Sid > 0;
            return _e.HasSid;
        }

        if (name.SequenceEqual("seq"u8))
        {
            _e.HasSeq = TryInt64(ref reader, out _e.Seq) && _e.Seq > 0;
            return _e.HasSeq;
        }

        if (name.SequenceEqual("id"u8))
        {
            _e.HasId = TryInt64(ref reader, out _e.Id);
            return _e.HasId;
        }

        if (name.SequenceEqual("msg"u8) && reader.TokenType == JsonTokenType.StartObject)
        {
            return ReadMsg(ref reader, ref _m);
        }

        if (name.SequenceEqual("orderbook_fp"u8) && reader.TokenType == JsonTokenType.StartObject)
        {
            _e.HasOrderbookFp = true;
            return ReadRestBook(ref reader);
        }

        if (name.SequenceEqual("trades"u8) && reader.TokenType == JsonTokenType.StartArray)
        {
            _e.HasTrades = true;
            return ReadRestTrades(ref reader);
        }

        reader.Skip();
        return true;
    }

    private static MessageType TypeOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("orderbook_delta"u8) ? MessageType.OrderbookDelta
        : reader.ValueTextEquals("orderbook_snapshot"u8) ? MessageType.OrderbookSnapshot
        : reader.ValueTextEquals("ticker"u8) ? MessageType.Ticker
        : reader.ValueTextEquals("trade"u8) ? MessageType.Trade
        : reader.ValueTextEquals("fill"u8) ? MessageType.Fill
        : reader.ValueTextEquals("cfbenchmarks_value"u8) ? MessageType.IndexValue
        : reader.ValueTextEquals("cfbenchmarks_value_5hz"u8) ? MessageType.IndexValue5Hz
        : reader.ValueTextEquals("subscribed"u8) ? MessageType.Subscribed
        : reader.ValueTextEquals("unsubscribed"u8) ? MessageType.Unsubscribed
        : reader.ValueTextEquals("ok"u8) ? MessageType.Ok
        : reader.ValueTextEquals("error"u8) ? MessageType.Error
        : reader.ValueTextEquals("list_subscriptions"u8) || reader.ValueTextEquals("cfbenchmarks_value_indexlist"u8) ? MessageType.OtherControl
        : MessageType.Other;

    private bool ReadMsg(ref Utf8JsonReader reader, ref MsgFields m)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read() || !ReadMsgField(name, ref reader, ref m))
            {
                return false;
            }
        }

        return false;
    }

    private bool ReadMsgField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref MsgFields m)
    {
        switch (name.Length > 0 ? name[0] : (byte)0)
        {
            case (byte)'p':
                if (name.SequenceEqual("price_dollars"u8))
                {
                    return m.HasPrice = DecimalText.TryRead(ref reader, out m.Price, out m.PriceDecimals);
                }

                if (name.SequenceEqual("post_position_fp"u8))
                {
                    return m.HasPostPosition = DecimalText.TryRead(ref reader, out m.PostPosition, out _);
                }

                if (name.SequenceEqual("purchased_side"u8))
                {
                    return ReadOutcome(ref reader, out m.PurchasedSide);
                }

                break;
            case (byte)'d':
                if (name.SequenceEqual("delta_fp"u8))
                {
                    return m.HasDelta = DecimalText.TryRead(ref reader, out m.Delta, out m.DeltaDecimals);
                }

                if (name.SequenceEqual("data"u8))
                {
                    return ReadInnerData(ref reader, ref m);
                }

                break;
            case (byte)'m':
                if (name.SequenceEqual("market_ticker"u8))
                {
                    return ReadInstrument(ref reader, ref m);
                }

                if (name.SequenceEqual("msg"u8))
                {
                    m.ErrorText = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    return true;
                }

                break;
            case (byte)'s':
                if (name.SequenceEqual("side"u8))
                {
                    return ReadOutcome(ref reader, out m.Side);
                }

                if (name.SequenceEqual("source_ts_ms"u8))
                {
                    return m.HasSourceTs = TryInt64(ref reader, out m.SourceTsMs);
                }

                if (name.SequenceEqual("subaccount"u8))
                {
                    return m.HasSubaccount = TryInt32(ref reader, out m.Subaccount);
                }

                if (name.SequenceEqual("sid"u8))
                {
                    return m.HasMsgSid = TryInt64(ref reader, out m.MsgSid);
                }

                break;
            case (byte)'t':
                return ReadTField(name, ref reader, ref m);
            case (byte)'y':
                return ReadYesField(name, ref reader, ref m);
            case (byte)'n':
                if (name.SequenceEqual("no_dollars_fp"u8))
                {
                    _fpNo = true;
                    return ReadLevels(ref reader, _no);
                }

                if (name.SequenceEqual("no"u8) || name.SequenceEqual("no_dollars"u8))
                {
                    _legacyNo = true;
                }

                break;
            case (byte)'c':
                if (name.SequenceEqual("count_fp"u8))
                {
                    return m.HasCount = DecimalText.TryRead(ref reader, out m.Count, out _);
                }

                if (name.SequenceEqual("client_order_id"u8))
                {
                    return ReadRange(ref reader, out m.ClientOrderId);
                }

                if (name.SequenceEqual("code"u8))
                {
                    return m.HasCode = TryInt32(ref reader, out m.Code);
                }

                if (name.SequenceEqual("channel"u8))
                {
                    m.Channel = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return m.Channel is not null;
                }

                if (name.SequenceEqual("created_time"u8))
                {
                    return ReadTime(ref reader, ref m);
                }

                break;
            default:
                return ReadOtherField(name, ref reader, ref m);
        }

        reader.Skip();
        return true;
    }

    private bool ReadTField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (name.SequenceEqual("ts"u8))
        {
            return ReadTime(ref reader, ref m);
        }

        if (name.SequenceEqual("ts_ms"u8))
        {
            return m.HasTsMs = TryInt64(ref reader, out m.TsMs);
        }

        if (name.SequenceEqual("trade_id"u8))
        {
            return ReadRange(ref reader, out m.TradeId);
        }

        if (name.SequenceEqual("taker_side"u8))
        {
            return ReadOutcome(ref reader, out m.TakerSide);
        }

        if (name.SequenceEqual("taker_outcome_side"u8))
        {
            return ReadOutcome(ref reader, out m.TakerOutcomeSide);
        }

        if (name.SequenceEqual("ticker"u8))
        {
            return ReadInstrument(ref reader, ref m); // REST trades name the market "ticker"
        }

        reader.Skip();
        return true;
    }

    private bool ReadYesField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (name.SequenceEqual("yes_dollars_fp"u8))
        {
            _fpYes = true;
            return ReadLevels(ref reader, _yes);
        }

        if (name.SequenceEqual("yes_price_dollars"u8))
        {
            return m.HasYesPrice = DecimalText.TryRead(ref reader, out m.YesPrice, out _);
        }

        if (name.SequenceEqual("yes_bid_dollars"u8))
        {
            return ReadQuoteField(ref reader, ref m.YesBid, ref m.QuoteFields, QuoteBid);
        }

        if (name.SequenceEqual("yes_ask_dollars"u8))
        {
            return ReadQuoteField(ref reader, ref m.YesAsk, ref m.QuoteFields, QuoteAsk);
        }

        if (name.SequenceEqual("yes_bid_size_fp"u8))
        {
            return DecimalText.TryRead(ref reader, out m.YesBidSize, out _) && m.YesBidSize >= 0;
        }

        if (name.SequenceEqual("yes_ask_size_fp"u8))
        {
            return DecimalText.TryRead(ref reader, out m.YesAskSize, out _) && m.YesAskSize >= 0;
        }

        if (name.SequenceEqual("yes"u8) || name.SequenceEqual("yes_dollars"u8))
        {
            _legacyYes = true;
        }

        reader.Skip();
        return true;
    }

    private bool ReadOtherField(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (name.SequenceEqual("order_id"u8))
        {
            return ReadRange(ref reader, out m.OrderId);
        }

        if (name.SequenceEqual("is_taker"u8))
        {
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                return false;
            }

            m.HasIsTaker = true;
            m.IsTaker = reader.TokenType == JsonTokenType.True;
            return true;
        }

        if (name.SequenceEqual("action"u8))
        {
            m.Action = reader.TokenType != JsonTokenType.String ? SideNone
                : reader.ValueTextEquals("buy"u8) ? SideYes
                : reader.ValueTextEquals("sell"u8) ? SideNo
                : SideNone;
            return m.Action != SideNone;
        }

        if (name.SequenceEqual("fee_cost"u8))
        {
            return m.HasFeeCost = DecimalText.TryRead(ref reader, out m.FeeCost, out _);
        }

        if (name.SequenceEqual("index_id"u8))
        {
            return ReadIndexId(ref reader, ref m);
        }

        if (name.SequenceEqual("value_usd"u8))
        {
            return m.HasValueUsd = DecimalText.TryRead(ref reader, out m.ValueUsd, out _) && m.ValueUsd > 0;
        }

        if (name.SequenceEqual("received_at"u8))
        {
            return m.HasReceivedAt = TryInt64(ref reader, out m.ReceivedAtMs);
        }

        if (name.SequenceEqual("avg_60s_data"u8))
        {
            return reader.TokenType == JsonTokenType.Null || (m.HasTrailing = ReadAverage(ref reader, out m.Trailing));
        }

        if (name.SequenceEqual("last_60s_windowed_average_15min"u8))
        {
            return reader.TokenType == JsonTokenType.Null || (m.HasSettlement = ReadAverage(ref reader, out m.Settlement));
        }

        reader.Skip();
        return true;
    }
}
