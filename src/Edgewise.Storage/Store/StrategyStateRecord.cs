namespace Edgewise.Storage.Store;

/// <summary>A strategy's own state as JSON at <paramref name="Ts"/> (Unix ns), for a restart to resume from; the latest wins.</summary>
public sealed record StrategyStateRecord(long RunId, string StrategyId, long Ts, string StateJson) : StoreRecord
{
    internal override int EstimatedBytes => 64 + TextBytes(StrategyId) + TextBytes(StateJson);
}
