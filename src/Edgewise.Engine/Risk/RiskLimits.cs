// Pre-trade limits, bound from configuration and validated at start. A null limit is not checked.
// Every limit is inclusive: a value equal to the limit is allowed, one step past it is denied.
// Money amounts are in the settlement currency; quantities in the instrument's units.
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Edgewise.Engine.Risk;

public sealed record RiskLimits : IValidatableObject
{
    /// <summary>Largest quantity of a single order.</summary>
    public decimal? MaxOrderQuantity { get; init; }

    /// <summary>Largest exposure in one instrument: |position cost| + open orders' notional + the new order's notional.</summary>
    public decimal? MaxNotionalPerInstrument { get; init; }

    /// <summary>Largest exposure summed over the instruments of one event (instruments registered with the same event key).</summary>
    public decimal? MaxNotionalPerEvent { get; init; }

    /// <summary>Largest exposure summed over all instruments.</summary>
    public decimal? MaxNotionalTotal { get; init; }

    /// <summary>Largest distance of a limit price from the reference (book mid, else last trade), as a fraction of the reference (0.05 = 5%).</summary>
    public decimal? PriceBandFraction { get; init; }

    /// <summary>Most orders sent within any <see cref="OrderRateWindow"/>.</summary>
    public int? MaxOrdersPerWindow { get; init; }

    public TimeSpan OrderRateWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest realized loss, net of fees, within one UTC day (a positive amount); past it only reducing orders pass.</summary>
    public decimal? MaxDailyLoss { get; init; }

    /// <summary>Losing round trips in a row tolerated; one more and only reducing orders pass.</summary>
    public int? MaxConsecutiveLosses { get; init; }

    /// <summary>Deny orders on an instrument whose book is not healthy.</summary>
    public bool RequireHealthyBook { get; init; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, name) in new[]
        {
            (MaxOrderQuantity, nameof(MaxOrderQuantity)),
            (MaxNotionalPerInstrument, nameof(MaxNotionalPerInstrument)),
            (MaxNotionalPerEvent, nameof(MaxNotionalPerEvent)),
            (MaxNotionalTotal, nameof(MaxNotionalTotal)),
            (MaxDailyLoss, nameof(MaxDailyLoss)),
        })
        {
            if (value is <= 0m)
            {
                yield return new ValidationResult($"{name} must be positive (got {value.Value.ToString(CultureInfo.InvariantCulture)}); leave it unset to disable it.", [name]);
            }
        }

        if (PriceBandFraction is { } band && (band <= 0m || band >= 1m))
        {
            yield return new ValidationResult($"{nameof(PriceBandFraction)} must be between 0 and 1 exclusive (got {band.ToString(CultureInfo.InvariantCulture)}).", [nameof(PriceBandFraction)]);
        }

        if (MaxOrdersPerWindow is <= 0)
        {
            yield return new ValidationResult($"{nameof(MaxOrdersPerWindow)} must be positive.", [nameof(MaxOrdersPerWindow)]);
        }

        if (OrderRateWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(OrderRateWindow)} must be positive.", [nameof(OrderRateWindow)]);
        }

        if (MaxConsecutiveLosses is < 0)
        {
            yield return new ValidationResult($"{nameof(MaxConsecutiveLosses)} must not be negative.", [nameof(MaxConsecutiveLosses)]);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void EnsureValid()
    {
        var errors = Validate(new ValidationContext(this)).Select(static e => e.ErrorMessage).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid risk limits: " + string.Join(" ", errors));
        }
    }
}
