using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Tests.Engine;

/// <summary>A test-only instrument with a uniform tick grid: any positive multiple of <see cref="MinTick"/> is on the grid.</summary>
internal sealed class TestInstrument(InstrumentId id, Price minTick, Quantity sizeIncrement, decimal multiplier = 1m, IFeeModel? fees = null)
    : Instrument(id, fees ?? new TestFeeModel(0m))
{
    public override Price MinTick { get; } = minTick;

    public override Quantity SizeIncrement { get; } = sizeIncrement;

    public override decimal Multiplier { get; } = multiplier;

    public override bool IsOnTick(Price price) => price.IsPositive && price.Raw % MinTick.Raw == 0;

    /// <summary>Tick 0.01, size step 1, multiplier 1, no fees.</summary>
    public static TestInstrument Create(string symbol, string venue = "testvenue", decimal multiplier = 1m, IFeeModel? fees = null) =>
        new(new InstrumentId(venue, symbol), Price.Parse("0.01"), Quantity.Parse("1"), multiplier, fees);
}
