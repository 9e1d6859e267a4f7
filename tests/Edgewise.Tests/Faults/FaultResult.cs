namespace Edgewise.Tests.Faults;

/// <summary>One fault scenario's outcome: faults injected, how many the system recovered from, records lost, and what was seen.</summary>
internal sealed record FaultResult(string Name, int Injected, int Recovered, long RecordsLost, string Detail);
