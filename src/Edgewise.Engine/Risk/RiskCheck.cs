using Edgewise.Core.Orders;

namespace Edgewise.Engine.Risk;

/// <summary>The verdict of the pre-trade checks: allowed, or the first check that failed with its numbers.</summary>
public readonly record struct RiskCheck(DenialReason Reason, string Detail)
{
    public static RiskCheck Allowed => new(DenialReason.None, string.Empty);

    public bool IsAllowed => Reason == DenialReason.None;
}
