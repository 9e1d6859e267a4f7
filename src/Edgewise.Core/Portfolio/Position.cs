// A net position in one instrument. The state kept is the signed quantity and the signed cost basis
// (cash paid to open a long, negative for cash received opening a short); the average entry price is
// derived. Keeping cost rather than an average makes the ledger invariant exact: reducing removes a
// proportional share of cost, and realized P&L is defined as the cash of the close minus the cost removed,
// so cash + cost basis moves by exactly the realized P&L (Portfolio.ReconciliationDifference checks it).
// Removed cost is rounded to 18 decimal places so every amount keeps a bounded scale and sums stay exact.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Portfolio;

public sealed class Position
{
    private const int CostDecimals = 18;
    private decimal _roundTripNet;

    internal Position(Instrument instrument)
    {
        Instrument = instrument.Id;
        Multiplier = instrument.Multiplier;
    }

    public InstrumentId Instrument { get; }

    /// <summary>Cash value of price × quantity of 1, from the instrument.</summary>
    public decimal Multiplier { get; }

    /// <summary>Signed: positive long, negative short, zero flat.</summary>
    public Quantity NetQuantity { get; private set; }

    /// <summary>Signed cost of the open quantity: price × quantity × multiplier summed over what is still open.</summary>
    public decimal CostBasis { get; private set; }

    /// <summary>Average price of the open quantity; zero when flat.</summary>
    public decimal AverageEntryPrice =>
        NetQuantity.IsZero ? 0m : CostBasis / (NetQuantity.ToDecimal() * Multiplier);

    /// <summary>Realized P&amp;L from closing trades and settlement, before fees.</summary>
    public decimal RealizedPnl { get; private set; }

    public decimal FeesPaid { get; private set; }

    /// <summary>Net funding received (negative when paid).</summary>
    public decimal Funding { get; private set; }

    /// <summary>Unix ns when the current position opened (from flat, or by flipping); null while flat.</summary>
    public long? OpenedAt { get; private set; }

    /// <summary>Unix ns of the last fill, settlement or funding; null before any.</summary>
    public long? LastChangedAt { get; private set; }

    public bool IsFlat => NetQuantity.IsZero;

    public bool IsLong => NetQuantity.Raw > 0;

    public bool IsShort => NetQuantity.Raw < 0;

    /// <summary>P&amp;L of the open quantity if it were closed at <paramref name="mark"/>.</summary>
    public decimal UnrealizedPnl(Price mark) =>
        FixedPoint.Multiply(NetQuantity.Raw, mark.Raw) * Multiplier - CostBasis;

    internal PositionUpdate ApplyFill(OrderSide side, in Fill fill)
    {
        var signedRaw = side switch
        {
            OrderSide.Buy => fill.Quantity.Raw,
            OrderSide.Sell => -fill.Quantity.Raw,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "A fill needs a Buy or Sell side."),
        };
        var update = Trade(signedRaw, fill.Price, fill.TsEvent, fill.Fee);
        FeesPaid += fill.Fee;
        return update;
    }

    /// <summary>Closes the whole position at <paramref name="price"/> without a fee (contract settlement).</summary>
    internal PositionUpdate Settle(Price price, long ts) => Trade(-NetQuantity.Raw, price, ts, 0m);

    internal void AddFunding(decimal amount, long ts)
    {
        Funding += amount;
        LastChangedAt = ts;
    }

    private PositionUpdate Trade(long signedRaw, Price price, long ts, decimal fee)
    {
        var previous = NetQuantity;
        var prevRaw = previous.Raw;
        var realized = 0m;
        var roundTripClosed = false;
        var roundTripPnl = 0m;

        if (signedRaw == 0)
        {
            // Settling a flat position: nothing moves.
        }
        else if (prevRaw == 0 || Math.Sign(prevRaw) == Math.Sign(signedRaw))
        {
            if (prevRaw == 0)
            {
                OpenedAt = ts;
                _roundTripNet = 0m;
            }

            CostBasis += Cash(signedRaw, price);
            NetQuantity = new Quantity(checked(prevRaw + signedRaw));
            _roundTripNet -= fee;
        }
        else
        {
            var closeRaw = Math.Abs(signedRaw) >= Math.Abs(prevRaw) ? -prevRaw : signedRaw;
            var removed = closeRaw == -prevRaw
                ? CostBasis
                : Math.Round(CostBasis * FixedPoint.ToDecimal(Math.Abs(closeRaw)) / FixedPoint.ToDecimal(Math.Abs(prevRaw)), CostDecimals, MidpointRounding.ToEven);

            // Closing cash is what the trade pays or receives: -(signed quantity) × price × multiplier.
            realized = -Cash(closeRaw, price) - removed;
            CostBasis -= removed;
            NetQuantity = new Quantity(prevRaw + closeRaw);
            _roundTripNet += realized - fee;

            var openRaw = signedRaw - closeRaw;
            if (NetQuantity.IsZero)
            {
                roundTripClosed = true;
                roundTripPnl = _roundTripNet;
                _roundTripNet = 0m;
                OpenedAt = null;
            }

            if (openRaw != 0)
            {
                // Flip: the remainder opens a new position at this price; the whole fee stays with the closed leg.
                CostBasis = Cash(openRaw, price);
                NetQuantity = new Quantity(openRaw);
                OpenedAt = ts;
            }
        }

        RealizedPnl += realized;
        LastChangedAt = ts;
        return new PositionUpdate(Instrument, previous, NetQuantity, realized, fee, roundTripClosed, roundTripPnl);
    }

    /// <summary>Signed quantity × price × multiplier: the cost of opening that quantity.</summary>
    private decimal Cash(long signedRaw, Price price) => FixedPoint.Multiply(signedRaw, price.Raw) * Multiplier;
}
