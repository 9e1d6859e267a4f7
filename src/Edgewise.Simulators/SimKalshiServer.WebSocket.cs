// The fake Kalshi's WebSocket side: the upgrade check (KALSHI-ACCESS-* headers verified against the public key, 401 otherwise) and
// the loop that turns each accepted connection into a SimKalshiSession.
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer
{
    private SimKalshiHandshake CheckHandshake(IHeaderDictionary headers)
    {
        var (key, timestamp, signature) = SignedHeaders(headers);
        if (_alwaysUnauthorized)
        {
            return new SimKalshiHandshake(key, timestamp, signature, false, 401, "the venue refuses every upgrade (AlwaysUnauthorized)");
        }

        if (key is null || timestamp is null || signature is null)
        {
            return new SimKalshiHandshake(key, timestamp, signature, false, 401, "missing KALSHI-ACCESS-* headers");
        }

        if (key != _keyId)
        {
            return new SimKalshiHandshake(key, timestamp, signature, false, 401, $"unknown key id {key}");
        }

        return Verify(timestamp, "GET", WebSocketPath, signature)
            ? new SimKalshiHandshake(key, timestamp, signature, true, 101, "signature verified")
            : new SimKalshiHandshake(key, timestamp, signature, false, 401, "the signature does not verify with the key's public half");
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            SimWebSocketConnection connection;
            try
            {
                connection = await _venue.NextConnectionAsync(Timeout.InfiniteTimeSpan);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                return;
            }

            SimKalshiSession session;
            lock (_gate)
            {
                session = new SimKalshiSession(this, connection, _acceptedHandshakes.Dequeue());
                _sessions.Add(session);
            }

            session.Start();
            _newSessions.Writer.TryWrite(session);
        }
    }
}
