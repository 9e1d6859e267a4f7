namespace Edgewise.Engine.Messaging;

/// <summary>A strategy threw from a callback; it receives nothing more, the engine and other strategies go on.</summary>
public readonly record struct StrategyFaulted(string StrategyId, Exception Error, long TsNs);
