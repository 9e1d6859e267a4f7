// One round trip of the strategy in one market: bought on one side (YES or NO), then sold or held to settlement.
// Money is exact decimal from the fills (price × quantity, fees as charged) and the settlement price, so
// NetPnl = exit proceeds + settlement payout − entry cost − all fees, the same amount the portfolio books.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Strategies.BtcBinary;

public sealed class TradeRecord
{
    internal TradeRecord(int id, string market, InstrumentId instrument, OutcomeSide side, SignalKind signal, decimal stake, string entryOrderId, long openedNs)
    {
        Id = id;
        Market = market;
        Instrument = instrument;
        Side = side;
        Signal = signal;
        Stake = stake;
        EntryOrderId = entryOrderId;
        OpenedNs = openedNs;
    }

    /// <summary>1, 2, 3… in the order trades were opened.</summary>
    public int Id { get; }

    public string Market { get; }

    /// <summary>The contract held: the market's YES or NO instrument.</summary>
    public InstrumentId Instrument { get; }

    public OutcomeSide Side { get; }

    public SignalKind Signal { get; }

    /// <summary>Dollars the sizing rules allotted.</summary>
    public decimal Stake { get; }

    public string EntryOrderId { get; }

    /// <summary>Time of the first entry fill, Unix ns.</summary>
    public long OpenedNs { get; }

    public Quantity Bought { get; private set; }

    public Quantity Sold { get; private set; }

    /// <summary>Contracts still held.</summary>
    public Quantity Held => Bought - Sold - SettledQuantity;

    public decimal EntryCost { get; private set; }

    public decimal EntryFees { get; private set; }

    public decimal ExitProceeds { get; private set; }

    public decimal ExitFees { get; private set; }

    /// <summary>$1 or $0 per contract when the position was settled; null otherwise.</summary>
    public Price? SettlementPrice { get; private set; }

    public Quantity SettledQuantity { get; private set; }

    public decimal SettlementPayout { get; private set; }

    public long? ClosedNs { get; private set; }

    public ExitReason? ExitReason { get; private set; }

    public bool IsClosed => ClosedNs is not null;

    public decimal Fees => EntryFees + ExitFees;

    public decimal AverageEntryPrice => Bought.IsZero ? 0m : EntryCost / Bought.ToDecimal();

    /// <summary>Average price of the exit fills; null when nothing was sold.</summary>
    public decimal? AverageExitPrice => Sold.IsZero ? null : ExitProceeds / Sold.ToDecimal();

    /// <summary>P&amp;L after fees; final once the trade is closed.</summary>
    public decimal NetPnl => ExitProceeds + SettlementPayout - EntryCost - Fees;

    /// <summary>
    /// A trade for a position held before a restart: its contracts, cost basis and the fees it has paid become the entry, so the
    /// exits price it as the original entry did and its P&amp;L ends where the portfolio's does.
    /// </summary>
    internal static TradeRecord Resume(int id, string market, InstrumentId instrument, OutcomeSide side, Quantity held, decimal costBasis,
        decimal feesPaid, long openedNs)
    {
        var trade = new TradeRecord(id, market, instrument, side, SignalKind.Resumed, costBasis, entryOrderId: string.Empty, openedNs)
        {
            Bought = held,
            EntryCost = costBasis,
            EntryFees = feesPaid,
        };
        return trade;
    }

    internal void AddEntryFill(in Fill fill)
    {
        EnsureOpen();
        Bought += fill.Quantity;
        EntryCost += FixedPoint.Multiply(fill.Quantity.Raw, fill.Price.Raw);
        EntryFees += fill.Fee;
    }

    internal void AddExitFill(in Fill fill)
    {
        EnsureOpen();
        if (fill.Quantity > Held)
        {
            throw new InvalidOperationException($"Trade {Id} sells {fill.Quantity} but holds {Held}.");
        }

        Sold += fill.Quantity;
        ExitProceeds += FixedPoint.Multiply(fill.Quantity.Raw, fill.Price.Raw);
        ExitFees += fill.Fee;
    }

    internal void Settle(Price price)
    {
        EnsureOpen();
        SettlementPrice = price;
        SettledQuantity = Held;
        SettlementPayout = FixedPoint.Multiply(SettledQuantity.Raw, price.Raw);
    }

    internal void Close(long tsNs, ExitReason reason)
    {
        EnsureOpen();
        if (!Held.IsZero)
        {
            throw new InvalidOperationException($"Trade {Id} cannot close with {Held} contracts still held.");
        }

        ClosedNs = tsNs;
        ExitReason = reason;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException($"Trade {Id} is already closed.");
        }
    }
}
