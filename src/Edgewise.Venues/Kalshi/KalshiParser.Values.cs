// Value readers of KalshiParser: single JSON tokens (market tickers, outcome sides, times, whole numbers, text ranges) and the
// level arrays of snapshots and REST books. Each returns false for a token of the wrong kind instead of throwing, so a bad field
// makes the frame Malformed.
using System.Text.Json;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiParser
{
    private bool ReadInstrument(ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.IsEmpty)
        {
            return false;
        }

        m.Instrument = _symbols.Get(reader.ValueSpan);
        return true;
    }

    private static bool ReadOutcome(ref Utf8JsonReader reader, out byte side)
    {
        side = reader.TokenType != JsonTokenType.String ? SideNone
            : reader.ValueTextEquals("yes"u8) ? SideYes
            : reader.ValueTextEquals("no"u8) ? SideNo
            : SideNone;
        return side != SideNone;
    }

    private static bool ReadQuoteField(ref Utf8JsonReader reader, ref long target, ref int fields, int bit)
    {
        if (!DecimalText.TryRead(ref reader, out target, out _) || target < 0 || target > FixedPoint.One)
        {
            return false;
        }

        fields |= bit;
        return true;
    }

    private static bool ReadTime(ref Utf8JsonReader reader, ref MsgFields m)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Unix seconds (ticker, trade, fill).
            if (!TryInt64(ref reader, out var seconds) || seconds < 0 || seconds > long.MaxValue / NanosPerSecond)
            {
                return false;
            }

            m.Ts = seconds * NanosPerSecond;
            return m.HasTs = true;
        }

        // RFC 3339 text (older deltas' ts, REST created_time).
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && (m.HasTs = Rfc3339Time.TryParseUnixNanos(reader.ValueSpan, out m.Ts));
    }

    private static bool ReadRange(ref Utf8JsonReader reader, out TextRange range)
    {
        range = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.IsEmpty)
        {
            return false;
        }

        // The token starts at its opening quote; the text follows it.
        range = new TextRange(checked((int)reader.TokenStartIndex + 1), reader.ValueSpan.Length);
        return true;
    }

    /// <summary>Reads [[price, count], ...]; prices strictly inside (0, 1), counts not negative.</summary>
    private static bool ReadLevels(ref Utf8JsonReader reader, LevelScratch into)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            if (!reader.Read() || !DecimalText.TryRead(ref reader, out var price, out var priceDecimals)
                || !reader.Read() || !DecimalText.TryRead(ref reader, out var count, out var countDecimals)
                || price <= 0 || price >= FixedPoint.One || count < 0
                || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            into.Add(price, count, priceDecimals, countDecimals);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>REST GET /markets/{ticker}/orderbook: {"yes_dollars": [...], "no_dollars": [...]}, bids only, best last.</summary>
    private bool ReadRestBook(ref Utf8JsonReader reader)
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

            var ok = name.SequenceEqual("yes_dollars"u8) ? ReadLevels(ref reader, _yes)
                : name.SequenceEqual("no_dollars"u8) ? ReadLevels(ref reader, _no)
                : SkipValue(ref reader);
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>REST GET /markets/trades: {"trades": [{trade}, ...]}, each read with the WebSocket trade's field names.</summary>
    private bool ReadRestTrades(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var fields = default(MsgFields);
            if (!ReadMsg(ref reader, ref fields) || !TryBuildTrade(fields, _tsRecv, out var trade))
            {
                return false;
            }

            _batch.AddTrade(trade);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>A whole number from a JSON number token; false (not an exception) for any other token.</summary>
    private static bool TryInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    private static bool TryInt32(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }
}
