// Zero-allocation tests read the current thread's allocation counter around a hot path. That counter can be thrown off
// by a garbage collection running inside the window (triggered by other threads' allocations while xunit runs classes
// in parallel), which showed up once in CI as 80 bytes "allocated" by book queries that allocate nothing. So the classes
// holding these tests join one collection that xunit runs on its own, and each window opens right after a full
// collection, leaving the gen-0 budget empty for the measured code.
namespace Edgewise.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements (run alone)";
}

/// <summary>The bytes the current thread allocates between <see cref="Open"/> and <see cref="Allocated"/>.</summary>
public readonly struct AllocationWindow
{
    private readonly long _before;
    private readonly int _collectionsBefore;

    private AllocationWindow(long before, int collectionsBefore)
    {
        _before = before;
        _collectionsBefore = collectionsBefore;
    }

    public long Allocated => GC.GetAllocatedBytesForCurrentThread() - _before;

    /// <summary>Garbage collections that ran since the window opened; named in the failure message.</summary>
    public int Collections => GC.CollectionCount(0) - _collectionsBefore;

    public static AllocationWindow Open()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new AllocationWindow(GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
    }

    public void AssertNothingAllocated()
    {
        var allocated = Allocated;
        Assert.True(allocated == 0, $"{allocated} bytes allocated ({Collections} garbage collection(s) ran during the window)");
    }
}
