// Live-mode restart check: the journal's positions and the store's open orders against what the venue itself reports
// (IVenueStateReport). Pure comparison; every difference is one line naming the instrument or order and both values.
// Quantities are compared exactly; cash only when the venue reports it in the ledger's money.
using Edgewise.Core.Contracts;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Recovery;

internal static class VenueReconciliation
{
    public static IReadOnlyList<string> Compare(Portfolio portfolio, IReadOnlyList<OrderRecord> storeOpenOrders, string venue, VenueState state)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(storeOpenOrders);
        ArgumentNullException.ThrowIfNull(state);
        var differences = new List<string>();
        var reported = state.Positions.Where(p => p.Instrument.Venue == venue).ToDictionary(static p => p.Instrument, static p => p.NetQuantity);
        var ours = portfolio.Positions.Where(p => p.Instrument.Venue == venue).ToDictionary(static p => p.Instrument, static p => p.NetQuantity);
        foreach (var instrument in ours.Keys.Union(reported.Keys).OrderBy(static i => i.ToString(), StringComparer.Ordinal))
        {
            var store = ours.GetValueOrDefault(instrument);
            var held = reported.GetValueOrDefault(instrument);
            if (store != held)
            {
                differences.Add($"position {instrument}: the store holds {store}, {venue} reports {held}");
            }
        }

        var resting = state.OpenOrders.Where(o => o.Instrument.Venue == venue).ToList();
        var byClientId = resting.Where(static o => o.ClientOrderId is not null).ToDictionary(static o => o.ClientOrderId!, StringComparer.Ordinal);
        foreach (var order in storeOpenOrders.Where(o => o.Instrument.Venue == venue))
        {
            if (!byClientId.Remove(order.ClientOrderId, out var atVenue))
            {
                differences.Add($"order {order.ClientOrderId}: {order.Status} in the store, not open at {venue} (filled or canceled while stopped)");
            }
            else if (atVenue.FilledQuantity != order.FilledQuantity)
            {
                differences.Add($"order {order.ClientOrderId}: filled {order.FilledQuantity} in the store, {atVenue.FilledQuantity} at {venue}");
            }
        }

        foreach (var order in resting.Where(o => o.ClientOrderId is null || byClientId.ContainsKey(o.ClientOrderId)))
        {
            differences.Add($"order {order.ClientOrderId ?? "(no client id)"} ({venue} id {order.VenueOrderId}): rests at {venue} " +
                            $"({order.Side} {order.Quantity - order.FilledQuantity} {order.Instrument} at {order.Price}), unknown to the store");
        }

        if (state.Cash is { } cash && cash != portfolio.Ledger.Cash)
        {
            differences.Add($"cash: the store's ledger holds {portfolio.Ledger.Cash}, {venue} reports {cash}");
        }

        return differences;
    }
}
