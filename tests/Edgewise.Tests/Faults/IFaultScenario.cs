namespace Edgewise.Tests.Faults;

/// <summary>
/// One fault of the suite: injects it, lets the system recover on its own, and reports what happened. A scenario asserts
/// the behaviour it exists for (an exception fails the scenario); the counts are the suite's totals.
/// </summary>
internal interface IFaultScenario
{
    string Name { get; }

    /// <param name="directory">A fresh temporary directory for the scenario's files.</param>
    /// <param name="ct">The test run's cancellation.</param>
    Task<FaultResult> RunAsync(string directory, CancellationToken ct);
}
