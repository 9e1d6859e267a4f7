namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A Random whose every draw is the same value, so jittered delays are exact and hand-checkable.</summary>
internal sealed class FixedRandom(double draw) : Random
{
    public override double NextDouble() => draw;

    protected override double Sample() => draw;

    public override int Next() => 12345;
}
