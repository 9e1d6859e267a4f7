// Settings of a KalshiMarketTracker (one per series): how early the next market is subscribed before the current one closes, how
// often the series' markets are listed again, and the backoff for failed listings. Validation names the offending key.
using System.ComponentModel.DataAnnotations;

namespace Edgewise.Venues.Kalshi;

public sealed record KalshiMarketTrackerOptions : IValidatableObject
{
    public const string SectionName = "Kalshi:Tracker";

    /// <summary>The series whose markets roll ("KXBTC15M", "KXBTCD").</summary>
    public string SeriesTicker { get; init; } = "KXBTC15M";

    /// <summary>The next window's markets are subscribed this long before the current window closes, so their books are healthy at the switch.</summary>
    public TimeSpan SubscribeLead { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the series' open and unopened markets are listed again while the next window is known.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often they are listed while the next window is not known yet.</summary>
    public TimeSpan MissingNextRefreshInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First delay after a failed listing; doubles per failure up to <see cref="RetryDelayMax"/>.</summary>
    public TimeSpan RetryDelayInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Markets per page of GET /markets (1-1000).</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>Pages followed per listing, against a cursor that never ends.</summary>
    public int MaxPages { get; init; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        if (string.IsNullOrWhiteSpace(SeriesTicker))
        {
            Add(nameof(SeriesTicker), "is required");
        }

        Positive(SubscribeLead, nameof(SubscribeLead));
        Positive(RefreshInterval, nameof(RefreshInterval));
        Positive(MissingNextRefreshInterval, nameof(MissingNextRefreshInterval));
        Positive(RetryDelayInitial, nameof(RetryDelayInitial));
        if (RetryDelayMax < RetryDelayInitial)
        {
            Add(nameof(RetryDelayMax), $"must be at least RetryDelayInitial ({RetryDelayInitial})");
        }

        if (PageSize is < 1 or > 1000)
        {
            Add(nameof(PageSize), "must be in 1-1000");
        }

        if (MaxPages < 1)
        {
            Add(nameof(MaxPages), "must be at least 1");
        }

        return errors;

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                Add(key, "must be positive");
            }
        }

        void Add(string key, string message) => errors.Add(new ValidationResult($"{SectionName}:{key} {message}.", [key]));
    }
}
