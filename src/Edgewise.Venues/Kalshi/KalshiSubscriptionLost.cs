using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// A subscription Kalshi ended with a terminal error (codes 10 and 25): the data client must subscribe these markets anew.
/// <paramref name="Sid"/> is null when the error named no subscription the sync knew (a subscribe that never succeeded);
/// then <paramref name="CommandId"/> says which command failed and <paramref name="Instruments"/> is empty.
/// </summary>
public sealed record KalshiSubscriptionLost(
    long? Sid,
    long? CommandId,
    int ErrorCode,
    string? ErrorText,
    IReadOnlyList<InstrumentId> Instruments);
