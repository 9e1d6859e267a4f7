namespace Edgewise.Venues.Kalshi;

/// <summary>The market-list changes of Kalshi's <c>update_subscription</c> command (FACTS §5.5); <c>get_snapshot</c> has its own builder.</summary>
public enum KalshiSubscriptionUpdate : byte
{
    /// <summary><c>add_markets</c>: the subscription also covers these markets.</summary>
    AddMarkets = 1,

    /// <summary><c>delete_markets</c>: the subscription stops covering these markets.</summary>
    DeleteMarkets = 2,
}
