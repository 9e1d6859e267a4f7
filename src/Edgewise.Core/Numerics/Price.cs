using System.Runtime.CompilerServices;

namespace Edgewise.Core.Numerics;

/// <summary>A price at the global fixed-point scale (see FixedPoint). Prices of different instruments compare directly; whether a price is on an instrument's tick grid is the instrument's question.</summary>
/// <param name="Raw">The value times 10^<see cref="FixedPoint.Scale"/>.</param>
public readonly record struct Price(long Raw) : IComparable<Price>
{
    public static Price Zero => default;

    public bool IsZero => Raw == 0;

    public bool IsPositive => Raw > 0;

    public decimal ToDecimal() => FixedPoint.ToDecimal(Raw);

    public static Price FromDecimal(decimal value) => new(FixedPoint.FromDecimal(value));

    /// <summary>Parses decimal text exactly; throws <see cref="FormatException"/> naming the text.</summary>
    public static Price Parse(string text) => new(FixedPoint.Parse(text));

    public static bool TryParse(ReadOnlySpan<byte> utf8, out Price value, out int decimals)
    {
        var ok = FixedPoint.TryParse(utf8, out var raw, out decimals);
        value = new Price(raw);
        return ok;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Price value)
    {
        var ok = FixedPoint.TryParse(text, out var raw, out _);
        value = new Price(raw);
        return ok;
    }

    /// <summary>Text with exactly <paramref name="decimals"/> digits after the point, as a venue writes it.</summary>
    public string ToString(int decimals) => FixedPoint.Format(Raw, decimals);

    public override string ToString() => FixedPoint.FormatMinimal(Raw);

    public int CompareTo(Price other) => Raw.CompareTo(other.Raw);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(Price left, Price right) => left.Raw < right.Raw;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(Price left, Price right) => left.Raw > right.Raw;

    public static bool operator <=(Price left, Price right) => left.Raw <= right.Raw;

    public static bool operator >=(Price left, Price right) => left.Raw >= right.Raw;

    public static Price operator +(Price left, Price right) => new(checked(left.Raw + right.Raw));

    public static Price operator -(Price left, Price right) => new(checked(left.Raw - right.Raw));

    public static Price operator -(Price value) => new(checked(-value.Raw));

    public static Price Min(Price a, Price b) => a.Raw <= b.Raw ? a : b;

    public static Price Max(Price a, Price b) => a.Raw >= b.Raw ? a : b;
}
