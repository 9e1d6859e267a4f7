namespace Edgewise.Venues.Common;

/// <summary>
/// One failed attempt to open a feed's WebSocket: the HTTP status the server answered the upgrade with (401 when it
/// refused the credentials), or null when no HTTP answer came (refused TCP, DNS, TLS, timeout), and the reason as text.
/// </summary>
public readonly record struct FeedConnectFailure(int? HttpStatus, string Reason);
