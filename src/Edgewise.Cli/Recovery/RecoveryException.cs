namespace Edgewise.Cli.Recovery;

/// <summary>A crashed run cannot be resumed as it is (its journal does not replay, or it belongs to another profile); the message says why and what to do.</summary>
internal sealed class RecoveryException : Exception
{
    public RecoveryException()
    {
    }

    public RecoveryException(string message)
        : base(message)
    {
    }

    public RecoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
