namespace Edgewise.Venues.Kalshi;

/// <summary>Kalshi WebSocket replies to commands (FACTS §5.5).</summary>
public enum KalshiControlKind : byte
{
    /// <summary><c>subscribed</c>: a subscription exists, with its server id (<c>sid</c>).</summary>
    Subscribed = 1,

    /// <summary><c>unsubscribed</c>: the subscription ended at the client's request.</summary>
    Unsubscribed = 2,

    /// <summary><c>ok</c>: an <c>update_subscription</c> command succeeded.</summary>
    Ok = 3,

    /// <summary><c>error</c>: a command or subscription failed, with a numeric code.</summary>
    Error = 4,

    /// <summary>Another reply (<c>list_subscriptions</c>, <c>cfbenchmarks_value_indexlist</c>) with nothing for the book.</summary>
    Other = 5,
}
