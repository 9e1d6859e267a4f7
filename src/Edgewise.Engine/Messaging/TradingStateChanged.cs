using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Messaging;

public readonly record struct TradingStateChanged(TradingState Previous, TradingState Current, string Reason, long TsNs);
