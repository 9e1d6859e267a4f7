namespace Edgewise.Simulators;

/// <summary>One REST request a <see cref="SimVenueServer"/> received: its path and its raw query string ("?a=1&amp;b=2", or empty).</summary>
public sealed record SimRestRequest(string Path, string Query)
{
    public string PathAndQuery => Path + Query;
}
