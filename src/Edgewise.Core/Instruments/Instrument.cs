using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

/// <summary>
/// What the engine needs to know to trade a symbol: its id, price grid, size step, how price × size
/// becomes cash, and its fee model. Spot pairs, perpetual contracts and binary contracts derive from it.
/// </summary>
public abstract class Instrument
{
    protected Instrument(InstrumentId id, IFeeModel fees)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fees);
        Id = id;
        Fees = fees;
    }

    public InstrumentId Id { get; }

    public IFeeModel Fees { get; }

    /// <summary>The smallest price step anywhere on the grid (the dense book's bucket width).</summary>
    public abstract Price MinTick { get; }

    /// <summary>The smallest quantity step.</summary>
    public abstract Quantity SizeIncrement { get; }

    /// <summary>Cash value of a price × quantity of 1 (1 for spot and binary contracts; contract value for perpetuals).</summary>
    public abstract decimal Multiplier { get; }

    /// <summary>True when <paramref name="price"/> is a valid price on this instrument's grid.</summary>
    public abstract bool IsOnTick(Price price);

    /// <summary>True when <paramref name="quantity"/> is a positive multiple of <see cref="SizeIncrement"/>.</summary>
    public bool IsValidSize(Quantity quantity) =>
        quantity.IsPositive && quantity.Raw % SizeIncrement.Raw == 0;

    /// <summary>Cash value of <paramref name="quantity"/> at <paramref name="price"/>, exact.</summary>
    public decimal Notional(Price price, Quantity quantity) =>
        FixedPoint.Multiply(price.Raw, quantity.Raw) * Multiplier;

    public override string ToString() => Id.ToString();
}
