using Edgewise.Core.Instruments;

namespace Edgewise.Engine.Messaging;

/// <summary>A funding payment was booked: <paramref name="Amount"/> received (positive) or paid (negative).</summary>
public readonly record struct FundingApplied(InstrumentId Instrument, decimal Amount, long TsNs);
