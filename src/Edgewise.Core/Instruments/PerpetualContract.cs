// A linear perpetual swap (BloFin BTC-USDT): size is in contracts, each worth ContractValue units of the base
// currency (0.001 BTC), so cash notional = price × contracts × ContractValue; the instrument's Multiplier is the
// contract value. Funding is exchanged every FundingInterval: payment = position notional × rate, and a positive
// rate means longs pay shorts (FACTS §7.5). The interval is per contract (8 h standard; 4, 2 or 1 h on some), so
// it is a parameter; the next funding time itself comes from the venue (fundingTime), not from this type.
using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Instruments;

public sealed class PerpetualContract : Instrument
{
    public PerpetualContract(
        InstrumentId id,
        IFeeModel fees,
        string baseCurrency,
        string settlementCurrency,
        decimal contractValue,
        Price tickSize,
        Quantity lotSize,
        TimeSpan fundingInterval)
        : base(id, fees)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseCurrency);
        ArgumentException.ThrowIfNullOrWhiteSpace(settlementCurrency);
        if (contractValue <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(contractValue), contractValue, "The contract value must be positive.");
        }

        if (!tickSize.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "The tick size must be positive.");
        }

        if (!lotSize.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, "The lot size must be positive.");
        }

        if (fundingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(fundingInterval), fundingInterval, "The funding interval must be positive.");
        }

        // A maker/taker model prices notional with its own multiplier; a different one here would misprice every fee.
        if (fees is MakerTakerFeeModel makerTaker && makerTaker.Multiplier != contractValue)
        {
            throw new ArgumentException(
                $"The fee model's multiplier {makerTaker.Multiplier} differs from the contract value {contractValue}.", nameof(fees));
        }

        BaseCurrency = baseCurrency;
        SettlementCurrency = settlementCurrency;
        ContractValue = contractValue;
        TickSize = tickSize;
        LotSize = lotSize;
        FundingInterval = fundingInterval;
    }

    public string BaseCurrency { get; }

    /// <summary>The currency margin, P&amp;L, fees and funding are paid in (USDT).</summary>
    public string SettlementCurrency { get; }

    /// <summary>Base units per contract (BloFin <c>contractValue</c>, 0.001 BTC for BTC-USDT).</summary>
    public decimal ContractValue { get; }

    public Price TickSize { get; }

    /// <summary>Contract step (BloFin <c>lotSize</c>, e.g. 0.1 contracts).</summary>
    public Quantity LotSize { get; }

    public TimeSpan FundingInterval { get; }

    public override Price MinTick => TickSize;

    public override Quantity SizeIncrement => LotSize;

    public override decimal Multiplier => ContractValue;

    /// <summary>True for a positive multiple of <see cref="TickSize"/>.</summary>
    public override bool IsOnTick(Price price) => price.IsPositive && price.Raw % TickSize.Raw == 0;

    /// <summary>
    /// Cash the holder of <paramref name="position"/> contracts (positive long, negative short) pays at one funding
    /// event: position × mark price × contract value × rate. Positive = the holder pays, negative = the holder receives.
    /// </summary>
    public decimal FundingPayment(Quantity position, Price markPrice, decimal fundingRate)
    {
        if (!markPrice.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(markPrice), markPrice, "The mark price must be positive.");
        }

        return Notional(markPrice, position) * fundingRate;
    }
}
