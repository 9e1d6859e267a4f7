using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

/// <summary>A spot currency pair (BTC/USD on Coinbase, BTCUSDT on Binance.US): price in quote currency per base unit, size in base units, multiplier 1.</summary>
public sealed class SpotPair : Instrument
{
    public SpotPair(InstrumentId id, IFeeModel fees, string baseCurrency, string quoteCurrency, Price priceIncrement, Quantity sizeIncrement)
        : base(id, fees)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseCurrency);
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteCurrency);
        if (!priceIncrement.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(priceIncrement), priceIncrement, "The price increment must be positive.");
        }

        if (!sizeIncrement.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeIncrement), sizeIncrement, "The size increment must be positive.");
        }

        if (fees is MakerTakerFeeModel makerTaker && makerTaker.Multiplier != 1m)
        {
            throw new ArgumentException($"A spot pair's fee model must use multiplier 1, not {makerTaker.Multiplier}.", nameof(fees));
        }

        BaseCurrency = baseCurrency;
        QuoteCurrency = quoteCurrency;
        PriceIncrement = priceIncrement;
        SizeIncrement = sizeIncrement;
    }

    public string BaseCurrency { get; }

    public string QuoteCurrency { get; }

    /// <summary>The venue's tick size (e.g. 0.01 USD).</summary>
    public Price PriceIncrement { get; }

    public override Price MinTick => PriceIncrement;

    public override Quantity SizeIncrement { get; }

    public override decimal Multiplier => 1m;

    /// <summary>True for a positive multiple of <see cref="PriceIncrement"/>.</summary>
    public override bool IsOnTick(Price price) => price.IsPositive && price.Raw % PriceIncrement.Raw == 0;
}
