// Fast path for the one Binance frame that is both frequent and large: depthUpdate (36 levels on average in the shared
// capture). It accepts only the exact compact shape Binance sends, byte for byte:
//   [{"stream":"<name>","data":] {"e":"depthUpdate","E":<int>,"s":"<symbol>","U":<int>,"u":<int>,"b":[levels],"a":[levels]} [}]
// with levels ["<decimal>","<decimal>"] separated by commas, nothing else (no whitespace, no escapes, no other keys or
// order). Whatever it accepts is therefore valid JSON with the meaning the general reader would give it; anything else
// makes it decline, and the frame goes through Utf8JsonReader as before, which also decides what is malformed.
// A test checks both paths give the same result on every frame of the shared capture.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.BinanceUs;

internal static class BinanceUsDepthScanner
{
    /// <summary>Fills <paramref name="update"/> (instrument, ids, event time, levels) when the frame has the exact shape; false otherwise.</summary>
    public static bool TryScan(ReadOnlySpan<byte> frame, SymbolTable symbols, BookUpdate update, out long eventTimeMs)
    {
        eventTimeMs = 0;
        var p = 0;
        var combined = Literal(frame, ref p, "{\"stream\":\""u8);
        if (combined)
        {
            var end = frame[p..].IndexOf((byte)'"');
            if (end < 0 || frame.Slice(p, end).IndexOf((byte)'\\') >= 0)
            {
                return false;
            }

            p += end + 1;
            if (!Literal(frame, ref p, ",\"data\":"u8))
            {
                return false;
            }
        }

        if (!Literal(frame, ref p, "{\"e\":\"depthUpdate\",\"E\":"u8) || !Integer(frame, ref p, out eventTimeMs)
            || !Literal(frame, ref p, ",\"s\":\""u8))
        {
            return false;
        }

        var symbolEnd = frame[p..].IndexOf((byte)'"');
        if (symbolEnd <= 0 || frame.Slice(p, symbolEnd).IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        var symbolStart = p;
        p += symbolEnd + 1;
        if (!Literal(frame, ref p, ",\"U\":"u8) || !Integer(frame, ref p, out var first)
            || !Literal(frame, ref p, ",\"u\":"u8) || !Integer(frame, ref p, out var last) || first > last
            || !Literal(frame, ref p, ",\"b\":"u8) || !Levels(frame, ref p, BookSide.Bid, update)
            || !Literal(frame, ref p, ",\"a\":"u8) || !Levels(frame, ref p, BookSide.Ask, update)
            || !Literal(frame, ref p, "}"u8) || (combined && !Literal(frame, ref p, "}"u8)) || p != frame.Length)
        {
            return false;
        }

        // Resolved only now, so a frame the scanner declines never adds a symbol to the table.
        update.Instrument = symbols.Get(frame.Slice(symbolStart, symbolEnd));
        update.Kind = BookUpdateKind.Delta;
        update.FirstUpdateId = first;
        update.LastUpdateId = last;
        return true;
    }

    private static bool Levels(ReadOnlySpan<byte> frame, ref int p, BookSide side, BookUpdate update)
    {
        if (!Literal(frame, ref p, "["u8))
        {
            return false;
        }

        if (Literal(frame, ref p, "]"u8))
        {
            return true;
        }

        while (true)
        {
            if (!Literal(frame, ref p, "[\""u8) || !Number(frame, ref p, out var price, out var priceDecimals)
                || !Literal(frame, ref p, "\",\""u8) || !Number(frame, ref p, out var qty, out var qtyDecimals)
                || !Literal(frame, ref p, "\"]"u8) || price <= 0 || qty < 0)
            {
                return false;
            }

            update.Add(side, new Price(price), new Quantity(qty));
            update.PriceDecimals = Math.Max(update.PriceDecimals, priceDecimals);
            update.SizeDecimals = Math.Max(update.SizeDecimals, qtyDecimals);
            if (Literal(frame, ref p, "]"u8))
            {
                return true;
            }

            if (!Literal(frame, ref p, ","u8))
            {
                return false;
            }
        }
    }

    private static bool Number(ReadOnlySpan<byte> frame, ref int p, out long raw, out int decimals)
    {
        var end = frame[p..].IndexOf((byte)'"');
        if (end <= 0 || !FixedPoint.TryParse(frame.Slice(p, end), out raw, out decimals))
        {
            raw = 0;
            decimals = 0;
            return false;
        }

        p += end;
        return true;
    }

    private static bool Integer(ReadOnlySpan<byte> frame, ref int p, out long value)
    {
        value = 0;
        var start = p;
        while (p < frame.Length && (uint)(frame[p] - (byte)'0') <= 9)
        {
            if (p - start == 18)
            {
                return false; // longer than any id or millisecond time: let the general reader judge it
            }

            value = (value * 10) + (frame[p] - (byte)'0');
            p++;
        }

        // JSON forbids leading zeros ("007"); the general reader rejects them, so the fast path must not accept them.
        return p > start && !(frame[start] == (byte)'0' && p - start > 1);
    }

    private static bool Literal(ReadOnlySpan<byte> frame, ref int p, ReadOnlySpan<byte> literal)
    {
        if (!frame[p..].StartsWith(literal))
        {
            return false;
        }

        p += literal.Length;
        return true;
    }
}
