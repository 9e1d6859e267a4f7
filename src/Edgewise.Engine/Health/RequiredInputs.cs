// Inputs that trading depends on (the BTC index, a venue's feed). When one stops or goes bad, that is a
// DATA_OUTAGE: the risk engine denies new entries (orders that reduce a position still pass) instead of letting a
// strategy run on defaults or stale values, and trading resumes by itself as soon as the input is fresh again.
// Touched and evaluated on the engine loop thread only. Ages are measured on the engine clock, which live is the wall
// clock: when it steps back (NTP), a value stamped after "now" counts as stamped now, so a silent input is still
// noticed MaxAge after the step instead of MaxAge plus the size of the step.
using System.Globalization;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Health;

public sealed class RequiredInputs
{
    private readonly List<Input> _inputs = [];
    private readonly MessageBus _bus;

    internal RequiredInputs(MessageBus bus) => _bus = bus;

    public int Count => _inputs.Count;

    /// <summary>Declares an input that must be touched at least every <paramref name="maxAge"/>; it counts as out until first touched.</summary>
    public void Register(string name, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        if (_inputs.Exists(i => i.Name == name))
        {
            throw new InvalidOperationException($"Required input '{name}' is already registered.");
        }

        _inputs.Add(new Input(name, maxAge.Ticks * 100));
    }

    /// <summary>The input delivered a good value at <paramref name="tsNs"/>; <paramref name="usable"/> false means it delivered, but nothing tradable (e.g. index without enough venues).</summary>
    public void Touch(string name, long tsNs, bool usable = true, string? reason = null)
    {
        var input = Find(name);
        input.LastNs = Math.Max(input.LastNs, tsNs);
        input.Touched = true;
        input.Usable = usable;
        input.Reason = usable ? null : reason ?? "not usable";
    }

    /// <summary>The first input that is out at <paramref name="nowNs"/>, with why; null when all are fine.</summary>
    public (string Name, string Reason)? FirstOutage(long nowNs)
    {
        foreach (var input in _inputs)
        {
            input.NoLaterThan(nowNs);
            if (input.OutReason(nowNs) is { } reason)
            {
                return (input.Name, reason);
            }
        }

        return null;
    }

    /// <summary>Publishes <see cref="DataOutageChanged"/> for every input whose state changed since the last evaluation.</summary>
    public void Evaluate(long nowNs)
    {
        foreach (var input in _inputs)
        {
            input.NoLaterThan(nowNs);
            var reason = input.OutReason(nowNs);
            var isOut = reason is not null;
            if (isOut != input.ReportedOut)
            {
                input.ReportedOut = isOut;
                _bus.Publish(new DataOutageChanged(input.Name, isOut, reason ?? "fresh again", nowNs));
            }
        }
    }

    private Input Find(string name) =>
        _inputs.Find(i => i.Name == name) ?? throw new InvalidOperationException($"Required input '{name}' is not registered.");

    private sealed class Input(string name, long maxAgeNs)
    {
        public string Name { get; } = name;

        public long MaxAgeNs { get; } = maxAgeNs;

        public long LastNs { get; set; } = long.MinValue;

        public bool Touched { get; set; }

        public bool Usable { get; set; }

        public string? Reason { get; set; }

        // What the last evaluation announced. It starts as "not out", so the first evaluation announces an input
        // that has delivered nothing yet.
        public bool ReportedOut { get; set; }

        /// <summary>Data cannot be fresher than now: after the clock stepped back, the last value counts as received now.</summary>
        public void NoLaterThan(long nowNs)
        {
            if (Touched && LastNs > nowNs)
            {
                LastNs = nowNs;
            }
        }

        public string? OutReason(long nowNs) =>
            !Touched ? "no data yet"
            : !Usable ? Reason
            : nowNs - LastNs > MaxAgeNs
                ? string.Create(CultureInfo.InvariantCulture, $"no data for {(nowNs - LastNs) / 1e9:0.#} s (limit {MaxAgeNs / 1e9:0.#} s)")
            : null;
    }
}
