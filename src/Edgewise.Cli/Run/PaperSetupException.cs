namespace Edgewise.Cli.Run;

/// <summary>The configuration cannot be composed into a paper run; the message names the key and the problem.</summary>
internal sealed class PaperSetupException : Exception
{
    public PaperSetupException()
    {
    }

    public PaperSetupException(string message)
        : base(message)
    {
    }

    public PaperSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
