// Settings of a simulated venue. Both latencies are one-way and constant. EntryLatency is the trip from the
// engine to the venue: an order or cancel sent at local time t is matched at venue time t + EntryLatency.
// FeedLatency is the trip back: an acknowledgement, fill, cancel or reject stamped at venue time v reaches
// the engine at local time v + FeedLatency (its TsEvent is v, its TsRecv v + FeedLatency).
using System.ComponentModel.DataAnnotations;

namespace Edgewise.Engine.Simulation;

public sealed record SimulatedVenueOptions : IValidatableObject
{
    /// <summary>Engine to venue: how long an order or cancel takes to reach the matching. Zero or more.</summary>
    public TimeSpan EntryLatency { get; init; }

    /// <summary>Venue to engine: how long the venue's order events take to arrive. Zero or more.</summary>
    public TimeSpan FeedLatency { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EntryLatency < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(EntryLatency)} must not be negative (got {EntryLatency}).", [nameof(EntryLatency)]);
        }

        if (FeedLatency < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(FeedLatency)} must not be negative (got {FeedLatency}).", [nameof(FeedLatency)]);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void EnsureValid()
    {
        var errors = Validate(new ValidationContext(this)).Select(static e => e.ErrorMessage).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid simulated venue options: " + string.Join(" ", errors));
        }
    }
}
