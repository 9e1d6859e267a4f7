using System.Runtime.CompilerServices;

namespace Edgewise.Core.Numerics;

/// <summary>A quantity (base units, contracts or shares) at the global fixed-point scale. Signed, because some venues send signed size changes (Kalshi deltas); book sizes are never negative.</summary>
/// <param name="Raw">The value times 10^<see cref="FixedPoint.Scale"/>.</param>
public readonly record struct Quantity(long Raw) : IComparable<Quantity>
{
    public static Quantity Zero => default;

    public bool IsZero => Raw == 0;

    public bool IsPositive => Raw > 0;

    public decimal ToDecimal() => FixedPoint.ToDecimal(Raw);

    public static Quantity FromDecimal(decimal value) => new(FixedPoint.FromDecimal(value));

    /// <summary>Parses decimal text exactly; throws <see cref="FormatException"/> naming the text.</summary>
    public static Quantity Parse(string text) => new(FixedPoint.Parse(text));

    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity value, out int decimals)
    {
        var ok = FixedPoint.TryParse(utf8, out var raw, out decimals);
        value = new Quantity(raw);
        return ok;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Quantity value)
    {
        var ok = FixedPoint.TryParse(text, out var raw, out _);
        value = new Quantity(raw);
        return ok;
    }

    /// <summary>Text with exactly <paramref name="decimals"/> digits after the point, as a venue writes it.</summary>
    public string ToString(int decimals) => FixedPoint.Format(Raw, decimals);

    public override string ToString() => FixedPoint.FormatMinimal(Raw);

    public int CompareTo(Quantity other) => Raw.CompareTo(other.Raw);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(Quantity left, Quantity right) => left.Raw < right.Raw;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(Quantity left, Quantity right) => left.Raw > right.Raw;

    public static bool operator <=(Quantity left, Quantity right) => left.Raw <= right.Raw;

    public static bool operator >=(Quantity left, Quantity right) => left.Raw >= right.Raw;

    public static Quantity operator +(Quantity left, Quantity right) => new(checked(left.Raw + right.Raw));

    public static Quantity operator -(Quantity left, Quantity right) => new(checked(left.Raw - right.Raw));

    public static Quantity operator -(Quantity value) => new(checked(-value.Raw));

    public static Quantity Min(Quantity a, Quantity b) => a.Raw <= b.Raw ? a : b;

    public static Quantity Max(Quantity a, Quantity b) => a.Raw >= b.Raw ? a : b;
}
