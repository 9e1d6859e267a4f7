namespace Edgewise.Core.Instruments;

/// <summary>A venue's symbol, qualified by the venue's name ("BTCUSDT" on "binanceus").</summary>
public sealed record InstrumentId(string Venue, string Symbol)
{
    public override string ToString() => $"{Symbol}.{Venue}";
}
