// A pass-through sink between a venue's book sync and the engine that counts the normalized events of a replay,
// and remembers how many decimals the venue writes for each instrument's prices and sizes (the most seen in any
// book message), so books can be written back exactly as the venue wrote them ("61837.63000000", trailing zeros
// kept). It also registers an instrument with the engine the first time a message names it, since a capture
// carries no instrument list. It changes nothing it forwards.
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;

namespace Edgewise.Cli.Replay;

internal sealed class ReplayTap(IMarketDataSink downstream, Action<InstrumentId> register, Func<InstrumentId, bool> isRegistered) : IMarketDataSink
{
    private readonly Dictionary<InstrumentId, (int Price, int Size)> _decimals = [];
    private InstrumentId? _lastKnown;

    public long BookUpdates { get; private set; }

    public long Trades { get; private set; }

    public long Quotes { get; private set; }

    public (int Price, int Size) DecimalsOf(InstrumentId instrument) =>
        _decimals.TryGetValue(instrument, out var d) ? d : (0, 0);

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = update.Instrument!;
        Ensure(id);
        var (price, size) = _decimals.TryGetValue(id, out var d) ? d : (0, 0);
        if (update.PriceDecimals > price || update.SizeDecimals > size)
        {
            _decimals[id] = (Math.Max(price, update.PriceDecimals), Math.Max(size, update.SizeDecimals));
        }

        BookUpdates++;
        downstream.OnBookUpdate(update);
    }

    public void OnTrade(in TradeTick trade)
    {
        Ensure(trade.Instrument);
        Trades++;
        downstream.OnTrade(trade);
    }

    public void OnQuote(in QuoteTick quote)
    {
        Ensure(quote.Instrument);
        Quotes++;
        downstream.OnQuote(quote);
    }

    public void OnBookStatus(in BookStatus status) => downstream.OnBookStatus(status);

    private void Ensure(InstrumentId id)
    {
        if (ReferenceEquals(id, _lastKnown))
        {
            return;
        }

        if (!isRegistered(id))
        {
            register(id);
        }

        _lastKnown = id;
    }
}
