namespace Edgewise.Engine.Health;

/// <summary>A required input went out (DATA_OUTAGE: new entries blocked) or came back (trading resumes by itself).</summary>
public readonly record struct DataOutageChanged(string Input, bool IsOut, string Reason, long TsNs);
