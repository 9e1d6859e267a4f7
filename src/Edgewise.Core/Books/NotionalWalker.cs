// Walks a side for a cash amount. Whole levels are taken while their cost (price × size) fits in the
// cash left; the first level that does not fit is taken in part. That partial quantity is
// floor(cash left / price) at the global fixed-point scale (1e-9): rounded toward zero, so the walk
// never spends more than it was given, and what stays unspent is less than price × 1e-9. Callers that
// trade in coarser size steps round the filled quantity down again to their instrument's increment.
// A level priced at zero costs nothing and is taken whole.
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>Accumulates a <see cref="DepthWalk"/> for a cash amount (see the note at the top of the file for rounding).</summary>
internal struct NotionalWalker : ILevelVisitor
{
    private decimal _remaining;
    private long _filled;
    private decimal _notional;
    private long _worstPrice;
    private int _levels;
    private bool _complete;

    public NotionalWalker(decimal cash)
    {
        if (cash < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cash), cash, "A depth walk needs a cash amount of zero or more.");
        }

        _remaining = cash;
        _complete = cash == 0;
    }

    public bool Visit(long priceRaw, long sizeRaw)
    {
        if (_complete)
        {
            return false;
        }

        var cost = LevelNotional.Of(priceRaw, sizeRaw);
        if (cost <= _remaining)
        {
            Take(priceRaw, sizeRaw, cost);
            _remaining -= cost;
            _complete = _remaining == 0;
            return !_complete;
        }

        // cost > remaining ≥ 0, so the price is positive here and the division below is defined.
        var affordable = Math.Min(AffordableQuantity(priceRaw, _remaining), sizeRaw);
        if (affordable > 0)
        {
            Take(priceRaw, affordable, LevelNotional.Of(priceRaw, affordable));
        }

        _complete = true;
        return false;
    }

    public readonly DepthWalk Result() =>
        new(new Quantity(_filled), LevelNotional.Normalize(_notional), new Price(_worstPrice), _levels, _complete);

    /// <summary>The largest raw quantity q with price × q ≤ cash, i.e. floor(cash / price) at scale 1e-9.</summary>
    internal static long AffordableQuantity(long priceRaw, decimal cash)
    {
        // The decimal quotient is rounded to 28 significant digits, which can land one step either side
        // of the exact floor; the two corrections make the result exact.
        var estimate = (long)decimal.Truncate(cash / FixedPoint.ToDecimal(priceRaw) * FixedPoint.One);
        while (estimate > 0 && LevelNotional.Of(priceRaw, estimate) > cash)
        {
            estimate--;
        }

        while (LevelNotional.Of(priceRaw, estimate + 1) <= cash)
        {
            estimate++;
        }

        return estimate;
    }

    private void Take(long priceRaw, long sizeRaw, decimal cost)
    {
        _filled = checked(_filled + sizeRaw);
        _notional += cost;
        _worstPrice = priceRaw;
        _levels++;
    }
}
