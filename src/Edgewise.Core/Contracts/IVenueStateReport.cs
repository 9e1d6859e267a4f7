namespace Edgewise.Core.Contracts;

/// <summary>
/// A live venue's own account of what we hold there, for restart recovery: after a crash the store says what we
/// believed, the venue says what is true, and every difference is listed (the venue wins). A live execution client
/// implements it with its portfolio endpoints (positions, resting orders, balance); paper mode has no such report,
/// because its simulated venue does not outlive the process.
/// </summary>
public interface IVenueStateReport
{
    /// <summary>The venue's name, matching <c>InstrumentId.Venue</c> of the instruments it reports.</summary>
    string Venue { get; }

    /// <summary>
    /// Reads the venue's state now. Expected failures (unreachable, rate-limited, auth) throw
    /// <see cref="VenueStateUnavailableException"/> with the reason; recovery then keeps trading halted.
    /// </summary>
    Task<VenueState> FetchAsync(CancellationToken ct);
}
