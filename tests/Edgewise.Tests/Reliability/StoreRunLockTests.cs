using Edgewise.Cli.Recovery;

namespace Edgewise.Tests.Reliability;

public sealed class StoreRunLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Acquire_HeldByAnother_RefusedNamingTheStoreAndLock()
    {
        var store = Path.Combine(_dir, "edgewise.db");
        using var first = StoreRunLock.Acquire(store);

        var error = Assert.Throws<RecoveryException>(() => StoreRunLock.Acquire(store));

        Assert.StartsWith($"the store {store} is in use by another edgewise process (lock {store}.lock: ", error.Message, StringComparison.Ordinal);
        Assert.True(StoreRunLock.IsHeldElsewhere(store));
    }

    [Fact]
    public void Acquire_AfterRelease_TakenAgainAndProbeCreatesNothing()
    {
        var store = Path.Combine(_dir, "sub", "edgewise.db");
        Assert.False(StoreRunLock.IsHeldElsewhere(store));
        Assert.False(File.Exists(store + ".lock"));

        StoreRunLock.Acquire(store).Dispose();
        using var again = StoreRunLock.Acquire(store);

        Assert.Equal(store + ".lock", again.Path);
    }
}
