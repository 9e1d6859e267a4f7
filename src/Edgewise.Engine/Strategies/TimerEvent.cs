namespace Edgewise.Engine.Strategies;

/// <summary>A strategy timer fired; <paramref name="TsNs"/> is the engine clock when it was handled (Unix ns).</summary>
public readonly record struct TimerEvent(string Name, long TsNs);
