using Edgewise.Core.Contracts;

namespace Edgewise.Cli.Recovery;

/// <summary>
/// What a starting run asks of recovery: its profile (a crashed run is resumed only by the same profile and hash),
/// whether to abandon a crashed run instead (<paramref name="NewRun"/>), the time now (Unix ns) for the records it
/// writes, and, in live mode, each venue's own report (null in paper mode: the store is then the only truth).
/// </summary>
internal sealed record RecoveryRequest(
    string Profile,
    string ProfileHash,
    bool NewRun,
    long NowNs,
    IReadOnlyList<(string Venue, VenueState State)>? VenueStates = null)
{
    public bool IsLive => VenueStates is not null;
}
