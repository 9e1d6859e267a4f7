namespace Edgewise.Core.Fees;

/// <summary>Kalshi account kind, which sets the precision a balance is kept at after each fill (FACTS §5.8).</summary>
public enum KalshiMemberType : byte
{
    /// <summary>Direct exchange member: balance kept to $0.0001.</summary>
    Direct = 1,

    /// <summary>Non-direct member (through an FCM, the usual retail/API account): balance kept to $0.01.</summary>
    NonDirect = 2,
}
