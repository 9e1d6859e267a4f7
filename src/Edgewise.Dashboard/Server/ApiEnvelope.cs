namespace Edgewise.Dashboard.Server;

/// <summary>What every /api read returns: the snapshot's sequence and engine time, and the part asked for.</summary>
public sealed record ApiEnvelope<T>(long Sequence, DateTimeOffset Time, T Data);
