using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

/// <summary>
/// One band of a price grid: valid prices are <see cref="Start"/> + k × <see cref="Step"/> for k ≥ 0, up to and including
/// <see cref="End"/>. Mirrors one element of Kalshi's <c>price_ranges</c> ({start, end, step}).
/// </summary>
public readonly record struct PriceRange(Price Start, Price End, Price Step)
{
    /// <summary>True when <paramref name="price"/> lies in [Start, End] and on this band's step.</summary>
    public bool Contains(Price price) =>
        price >= Start && price <= End && (price.Raw - Start.Raw) % Step.Raw == 0;

    public override string ToString() => $"[{Start}, {End}] step {Step}";
}
