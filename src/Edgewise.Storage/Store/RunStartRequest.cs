namespace Edgewise.Storage.Store;

/// <summary>A new run row, written in queue order like every other record; its id is handed back once committed.</summary>
internal sealed record RunStartRequest(string Profile, string ConfigHash, long StartedAt) : StoreRecord
{
    public TaskCompletionSource<long> Id { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal override int EstimatedBytes => 64 + TextBytes(Profile) + TextBytes(ConfigHash);
}
