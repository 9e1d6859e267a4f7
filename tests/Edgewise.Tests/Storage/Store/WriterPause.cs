using Edgewise.Storage.Store;

namespace Edgewise.Tests.Storage.Store;

/// <summary>
/// Holds a store's writer at its batch gate: <see cref="Reached"/> completes when the writer is waiting there (with
/// every queued record still queued), <see cref="Release"/> lets it go and every later batch through.
/// </summary>
internal sealed class WriterPause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriterPause(WriteBehindStore store) => store.BatchGate = async () =>
    {
        _reached.TrySetResult();
        await _release.Task;
    };

    public Task Reached => _reached.Task;

    public void Release() => _release.TrySetResult();
}
