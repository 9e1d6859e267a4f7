// The queue model of resting simulated orders, as pure arithmetic on fixed-point quantities.
// A resting order joins the back of its price level: the queue ahead is the size visible there when it rests
// (our own other orders are not counted; each is modelled as if alone). The queue ahead shrinks by
//  - public trades at the order's price (the whole trade size; what exceeds the queue ahead fills the order), and
//  - cancellations, seen as the level's size falling by more than the trades at that price explain. They are
//    shared out in proportion ("proportional cancellation" model): a cancel hits the part of the level ahead of
//    us with probability ahead / level, so the expected reduction is canceled × ahead / level, rounded down
//    (conservative: we never move up more than the expectation). Size added to the level joins behind us.
// A public trade at a price better than the order's limit (a trade through it) means the whole level was taken,
// so the queue ahead becomes zero and the order fills up to the traded size.
using Edgewise.Core.Numerics;

namespace Edgewise.Engine.Simulation;

internal static class QueueModel
{
    /// <summary>
    /// The queue ahead after the level fell from <paramref name="levelBefore"/> by <paramref name="canceled"/>
    /// without trades: ahead − ⌊canceled × ahead / levelBefore⌋, never below zero nor above the level left.
    /// </summary>
    public static Quantity AheadAfterCancellations(Quantity ahead, Quantity levelBefore, Quantity canceled)
    {
        if (!canceled.IsPositive || !ahead.IsPositive || !levelBefore.IsPositive)
        {
            return ahead;
        }

        var cancelRaw = Math.Min(canceled.Raw, levelBefore.Raw);
        var reduction = (long)((Int128)cancelRaw * ahead.Raw / levelBefore.Raw);
        var left = levelBefore.Raw - cancelRaw;
        return new Quantity(Math.Clamp(ahead.Raw - reduction, 0, left));
    }

    /// <summary>The queue ahead after a public trade of <paramref name="traded"/> at the order's price.</summary>
    public static Quantity AheadAfterTrade(Quantity ahead, Quantity traded) =>
        Quantity.Max(Quantity.Zero, ahead - traded);

    /// <summary>How much of a trade of <paramref name="traded"/> at the order's price reached past the queue ahead.</summary>
    public static Quantity ReachingOrder(Quantity ahead, Quantity traded) =>
        Quantity.Max(Quantity.Zero, traded - ahead);
}
