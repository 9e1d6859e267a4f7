// The KalshiParser messages that are not normalized market data: CF Benchmarks index ticks (whose "data" field is a JSON
// document sent as a string, read twice), private fills, and replies to commands. They are raised as typed events. Index ticks
// reuse a buffer and interned index names, so a warm parser allocates nothing for them either; fills and replies allocate their
// strings, which is fine for private, infrequent messages.
using System.Text;
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiParser
{
    private bool ReadIndexId(ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.IsEmpty)
        {
            return false;
        }

        m.IndexId = InternIndexId(reader.ValueSpan);
        return true;
    }

    /// <summary>A feed carries a handful of index names ("BRTI", "ETHUSD_RTI"): keep one string each instead of one per tick.</summary>
    private string InternIndexId(ReadOnlySpan<byte> utf8)
    {
        foreach (var id in _indexIds)
        {
            if (id.Length == utf8.Length && Ascii.Equals(utf8, id))
            {
                return id;
            }
        }

        var created = Encoding.UTF8.GetString(utf8);
        _indexIds.Add(created);
        return created;
    }

    /// <summary>The raw CF Benchmarks frame, {"type":"value","id":"BRTI","time":ms,"value":"68000.12"}, sent as a JSON string.</summary>
    private bool ReadInnerData(ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (_innerJson.Length < reader.ValueSpan.Length)
        {
            _innerJson = new byte[Math.Max(reader.ValueSpan.Length, _innerJson.Length * 2)];
        }

        var written = reader.CopyString(_innerJson);
        var inner = new Utf8JsonReader(_innerJson.AsSpan(0, written), ReaderOptions);
        if (!inner.Read() || inner.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (inner.Read())
        {
            if (inner.TokenType == JsonTokenType.EndObject)
            {
                return !inner.Read(); // nothing may follow the inner document
            }

            var name = inner.ValueSpan;
            if (inner.ValueIsEscaped || !inner.Read())
            {
                return false;
            }

            if (name.SequenceEqual("value"u8))
            {
                if (!(m.HasIndexValue = DecimalText.TryRead(ref inner, out m.IndexValue, out _) && m.IndexValue > 0))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("time"u8))
            {
                if (!TryInt64(ref inner, out var timeMs))
                {
                    return false;
                }

                if (!m.HasSourceTs)
                {
                    m.SourceTsMs = timeMs;
                    m.HasSourceTs = true;
                }
            }
            else if (name.SequenceEqual("id"u8) && m.IndexId is null)
            {
                if (!ReadIndexId(ref inner, ref m))
                {
                    return false;
                }
            }
            else
            {
                inner.Skip();
            }
        }

        return false;
    }

    /// <summary>{"value": "68001.5", "window_size": 42, "window_start_ts_ms": ms, "window_end_ts_exclusive": ms}.</summary>
    private static bool ReadAverage(ref Utf8JsonReader reader, out KalshiIndexAverage average)
    {
        average = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool hasValue = false, hasSize = false;
        long value = 0;
        var size = 0;
        long? start = null, end = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                average = new KalshiIndexAverage(new Price(value), size, start, end);
                return hasValue && hasSize;
            }

            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return false;
            }

            if (name.SequenceEqual("value"u8))
            {
                hasValue = DecimalText.TryRead(ref reader, out value, out _) && value > 0;
                if (!hasValue)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("window_size"u8))
            {
                hasSize = TryInt32(ref reader, out size) && size >= 0;
                if (!hasSize)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("window_start_ts_ms"u8))
            {
                if (!TryInt64(ref reader, out var ms))
                {
                    return false;
                }

                start = ms * NanosPerMilli;
            }
            else if (name.SequenceEqual("window_end_ts_exclusive"u8) || name.SequenceEqual("window_end_ts_ms"u8))
            {
                if (!TryInt64(ref reader, out var ms))
                {
                    return false;
                }

                end = ms * NanosPerMilli;
            }
            else
            {
                reader.Skip();
            }
        }

        return false;
    }

    private ParseOutcome RaiseIndexTick(long tsRecv)
    {
        var fiveHz = _e.Type == MessageType.IndexValue5Hz;
        // The 5 Hz channel states the value itself; the 1 Hz channel only inside the raw CF frame.
        var (hasValue, value) = fiveHz && _m.HasValueUsd ? (true, _m.ValueUsd) : (_m.HasIndexValue, _m.IndexValue);
        if (!hasValue || _m.IndexId is null || !_m.HasSourceTs || !_e.HasSid)
        {
            return ParseOutcome.Malformed;
        }

        var tick = new KalshiIndexTick(
            _m.IndexId,
            new Price(value),
            _m.SourceTsMs * NanosPerMilli,
            _m.HasReceivedAt ? _m.ReceivedAtMs * NanosPerMilli : null,
            _m.HasTrailing ? _m.Trailing : null,
            _m.HasSettlement ? _m.Settlement : null,
            fiveHz,
            _e.Sid,
            _e.HasSeq ? _e.Seq : 0,
            tsRecv);
        CurrentSid = _e.Sid;
        IndexTickReceived?.Invoke(tick);
        return ParseOutcome.Data;
    }

    private ParseOutcome RaiseFill(in RawFrame frame)
    {
        if (_m.Instrument is null || !_m.TradeId.IsSet || !_m.OrderId.IsSet || _m.Side == SideNone || _m.Action == SideNone
            || !_m.HasYesPrice || !_m.HasCount || !_m.HasIsTaker || _m.YesPrice <= 0 || _m.YesPrice >= FixedPoint.One || _m.Count <= 0)
        {
            return ParseOutcome.Malformed;
        }

        var raw = frame.Raw.Span;
        var fill = new KalshiFill(
            _m.Instrument,
            Text(raw, _m.TradeId)!,
            Text(raw, _m.OrderId)!,
            _m.Side == SideYes ? OutcomeSide.Yes : OutcomeSide.No,
            _m.Action == SideYes ? OrderSide.Buy : OrderSide.Sell,
            _m.IsTaker,
            new Price(_m.YesPrice),
            new Quantity(_m.Count),
            _m.HasPostPosition ? new Quantity(_m.PostPosition) : null,
            _m.PurchasedSide switch { SideYes => OutcomeSide.Yes, SideNo => OutcomeSide.No, _ => null },
            _m.HasFeeCost ? FixedPoint.ToDecimal(_m.FeeCost) : null,
            Text(raw, _m.ClientOrderId),
            _m.HasSubaccount ? _m.Subaccount : null,
            _e.HasSid ? _e.Sid : 0,
            EventTime(frame.RecvTsNs),
            frame.RecvTsNs);
        CurrentSid = fill.Sid;
        FillReceived?.Invoke(fill);
        return ParseOutcome.Data;
    }

    private ParseOutcome RaiseControl(long tsRecv)
    {
        var kind = _e.Type switch
        {
            MessageType.Subscribed => KalshiControlKind.Subscribed,
            MessageType.Unsubscribed => KalshiControlKind.Unsubscribed,
            MessageType.Ok => KalshiControlKind.Ok,
            MessageType.Error => KalshiControlKind.Error,
            _ => KalshiControlKind.Other,
        };
        if (kind == KalshiControlKind.Error && !_m.HasCode)
        {
            return ParseOutcome.Malformed; // an error without its code cannot be acted on
        }

        // The subscribed reply names its sid at the top level (docs example) or inside msg (AsyncAPI schema).
        long? sid = _e.HasSid ? _e.Sid : _m.HasMsgSid ? _m.MsgSid : null;
        var control = new KalshiControlMessage(
            kind,
            _e.HasId ? _e.Id : null,
            sid,
            _e.HasSeq ? _e.Seq : null,
            _m.Channel,
            _m.HasCode ? _m.Code : null,
            _m.ErrorText,
            tsRecv);
        CurrentSid = sid ?? 0;
        ControlReceived?.Invoke(control);
        return ParseOutcome.Control;
    }

    private static string? Text(ReadOnlySpan<byte> raw, TextRange range) =>
        range.IsSet ? Encoding.UTF8.GetString(raw.Slice(range.Start, range.Length)) : null;
}
