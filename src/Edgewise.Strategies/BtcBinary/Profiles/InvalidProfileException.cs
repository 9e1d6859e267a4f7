namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>A strategy profile that cannot be used; the message names the file and the key.</summary>
public sealed class InvalidProfileException : Exception
{
    public InvalidProfileException()
    {
    }

    public InvalidProfileException(string message)
        : base(message)
    {
    }

    public InvalidProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
