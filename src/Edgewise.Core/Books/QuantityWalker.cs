using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Accumulates a <see cref="DepthWalk"/> for a fixed quantity: whole levels, then part of the last one.</summary>
internal struct QuantityWalker : ILevelVisitor
{
    private long _remaining;
    private long _filled;
    private decimal _notional;
    private long _worstPrice;
    private int _levels;

    public QuantityWalker(Quantity quantity)
    {
        if (quantity.Raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A depth walk needs a quantity of zero or more.");
        }

        _remaining = quantity.Raw;
    }

    public bool Visit(long priceRaw, long sizeRaw)
    {
        if (_remaining == 0)
        {
            return false;
        }

        var take = Math.Min(sizeRaw, _remaining);
        _filled = checked(_filled + take);
        _notional += LevelNotional.Of(priceRaw, take);
        _worstPrice = priceRaw;
        _levels++;
        _remaining -= take;
        return _remaining > 0;
    }

    public readonly DepthWalk Result() =>
        new(new Quantity(_filled), LevelNotional.Normalize(_notional), new Price(_worstPrice), _levels, _remaining == 0);
}
