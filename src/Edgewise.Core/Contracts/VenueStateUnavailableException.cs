namespace Edgewise.Core.Contracts;

/// <summary>The venue could not report its state (unreachable, rate-limited, refused); the message says why.</summary>
public sealed class VenueStateUnavailableException : Exception
{
    public VenueStateUnavailableException()
    {
    }

    public VenueStateUnavailableException(string message)
        : base(message)
    {
    }

    public VenueStateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
