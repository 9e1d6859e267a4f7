using Edgewise.Core.Books;
using Edgewise.Core.Events;

namespace Edgewise.Tests.Venues.Common;

/// <summary>A plain L2 book built from forwarded updates (snapshot clears; size 0 removes), to check what a sync let through.</summary>
internal sealed class LevelBook
{
    public SortedDictionary<decimal, decimal> Bids { get; } = [];

    public SortedDictionary<decimal, decimal> Asks { get; } = [];

    public decimal BestBid => Bids.Keys.Max();

    public decimal BestAsk => Asks.Keys.Min();

    public void Apply(BookUpdate update)
    {
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            Bids.Clear();
            Asks.Clear();
        }

        foreach (var level in update.Levels)
        {
            var side = level.Side == BookSide.Bid ? Bids : Asks;
            if (level.Size.Raw == 0)
            {
                side.Remove(level.Price.ToDecimal());
            }
            else
            {
                side[level.Price.ToDecimal()] = level.Size.ToDecimal();
            }
        }
    }

    public void ApplyAll(IEnumerable<BookUpdate> updates)
    {
        foreach (var update in updates)
        {
            Apply(update);
        }
    }
}
