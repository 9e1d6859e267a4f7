namespace Edgewise.Venues.Common;

/// <summary>
/// A REST snapshot response for a data client: the endpoint it came from (path and query, as recorded in captures),
/// its body, the local receive time, and the <see cref="SnapshotFetcher.Generation"/> it was requested in, which the
/// client checks (under its own lock) so a reply meant for a connection that has since dropped is not applied.
/// </summary>
public readonly record struct FetchedSnapshot(string Endpoint, ReadOnlyMemory<byte> Body, long RecvTsNs, long Generation);
