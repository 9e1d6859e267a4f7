// A binary event contract (Kalshi market, Polymarket outcome pair): prices are dollars in (0, 1) on a tick grid,
// a contract pays $1 to the winning side and $0 to the other, so Multiplier = 1 and notional = price × count.
// One instance describes the market; YES and NO are sides of it (a YES bid at x is a NO ask at 1 − x).
// Settlement: the settlement rule (e.g. 60 s BRTI average before close) gives a value, the strike decides
// YES or NO. Both are optional because some venues declare the result themselves (Polymarket crypto markets
// resolve on Chainlink data, not on an index we compute): then only the venue's result is used.
using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

public sealed class BinaryContract : Instrument
{
    public BinaryContract(
        InstrumentId id,
        IFeeModel fees,
        TickGrid priceGrid,
        Quantity sizeIncrement,
        DateTimeOffset openTime,
        DateTimeOffset closeTime,
        BinaryStrike? strike,
        SettlementRule? settlement)
        : base(id, fees)
    {
        ArgumentNullException.ThrowIfNull(priceGrid);
        if (!sizeIncrement.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeIncrement), sizeIncrement, "The size increment must be positive.");
        }

        if (closeTime <= openTime)
        {
            throw new ArgumentException($"Close time {closeTime:O} is not after open time {openTime:O}.", nameof(closeTime));
        }

        if (priceGrid.Min < Price.Zero || priceGrid.Max > One)
        {
            throw new ArgumentException($"A binary contract's price grid must lie within [0, 1], not {priceGrid}.", nameof(priceGrid));
        }

        PriceGrid = priceGrid;
        SizeIncrement = sizeIncrement;
        OpenTime = openTime;
        CloseTime = closeTime;
        Strike = strike;
        Settlement = settlement;
    }

    /// <summary>$1, the payout of a winning contract.</summary>
    public static Price One { get; } = new(FixedPoint.One);

    public TickGrid PriceGrid { get; }

    public DateTimeOffset OpenTime { get; }

    public DateTimeOffset CloseTime { get; }

    /// <summary>Null when the venue declares the result without a strike we can evaluate.</summary>
    public BinaryStrike? Strike { get; }

    /// <summary>Null when the settlement value is not computed from an index here.</summary>
    public SettlementRule? Settlement { get; }

    public override Price MinTick => PriceGrid.MinTick;

    /// <summary>1 contract, or 0.01 where Kalshi allows fractional contracts.</summary>
    public override Quantity SizeIncrement { get; }

    public override decimal Multiplier => 1m;

    /// <summary>On the grid and strictly between 0 and 1: $0 and $1 are the grid's ends (and Kalshi's empty-side sentinels), never tradable prices.</summary>
    public override bool IsOnTick(Price price) => price.IsPositive && price < One && PriceGrid.IsOnTick(price);

    /// <summary>The same price seen from the other side: 1 − <paramref name="price"/>.</summary>
    public static Price Complement(Price price) => One - price;

    /// <summary>The winning side for a settlement value, by the strike.</summary>
    /// <exception cref="InvalidOperationException">The contract has no strike.</exception>
    public OutcomeSide ResultFor(decimal settlementValue)
    {
        var strike = Strike ?? throw new InvalidOperationException($"{Id} has no strike; its result comes from the venue.");
        return strike.IsMetBy(settlementValue) ? OutcomeSide.Yes : OutcomeSide.No;
    }

    /// <summary>The settlement value from the window's index prints, by the settlement rule.</summary>
    /// <exception cref="InvalidOperationException">The contract has no settlement rule.</exception>
    public decimal SettlementValue(ReadOnlySpan<Price> windowPrints)
    {
        var rule = Settlement ?? throw new InvalidOperationException($"{Id} has no settlement rule; its result comes from the venue.");
        return rule.ComputeValue(windowPrints);
    }

    /// <summary>$1 when <paramref name="held"/> is the winning side, else $0.</summary>
    public static decimal PayoutPerContract(OutcomeSide held, OutcomeSide result) => held == result ? 1m : 0m;

    /// <summary>What <paramref name="contracts"/> contracts of side <paramref name="held"/> pay at settlement.</summary>
    public static decimal Payout(OutcomeSide held, Quantity contracts, OutcomeSide result) =>
        contracts.ToDecimal() * PayoutPerContract(held, result);
}
