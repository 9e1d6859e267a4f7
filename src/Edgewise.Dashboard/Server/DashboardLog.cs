using Microsoft.Extensions.Logging;

namespace Edgewise.Dashboard.Server;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Dashboard listening on {Url}")]
    public static partial void Listening(ILogger logger, Uri url);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Kill switch refused: missing or wrong token (from {Remote})")]
    public static partial void KillSwitchRefused(ILogger logger, string? remote);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Kill switch requested from the dashboard (from {Remote})")]
    public static partial void KillSwitchRequested(ILogger logger, string? remote);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Kill switch sent but the engine had not confirmed the halt within {Timeout}")]
    public static partial void KillSwitchUnconfirmed(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Kill switch could not be sent to the engine")]
    public static partial void KillSwitchFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Request refused: host {Host} is not a loopback name")]
    public static partial void HostRefused(ILogger logger, string host);
}
