// The Kalshi data client's subscriptions: which markets are followed, which command created which subscription (sid), and the
// outbox through which commands decided under the lock reach the socket. Kalshi names a subscription by the sid of its
// "subscribed" reply; the reply echoes the command id, so each command id is remembered with its market and channel until then.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiDataClient
{
    private readonly Dictionary<long, Route> _commands = [];
    private readonly Dictionary<long, Route> _sids = [];
    private long _connectionNumber;
    private long _nextCommandId;

    /// <summary>Follows a market given by ticker alone, on the tapered grid replay uses (see KalshiInstrumentProvider.FromCapture).</summary>
    public bool AddMarket(string ticker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        return AddMarket(_captureInstruments.FromCapture(new InstrumentId(_parser.Venue, ticker)));
    }

    public bool AddMarket(BinaryContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Id.Venue != _parser.Venue)
        {
            throw new ArgumentException($"{contract.Id} is not a {_parser.Venue} market.", nameof(contract));
        }

        lock (_gate)
        {
            if (!_markets.TryAdd(contract.Id.Symbol, contract))
            {
                return false;
            }

            if (_connectionNumber != 0)
            {
                foreach (var command in SubscribeMarket(contract.Id.Symbol))
                {
                    Enqueue(command);
                }
            }

            return true;
        }
    }

    public bool RemoveMarket(InstrumentId market)
    {
        ArgumentNullException.ThrowIfNull(market);
        lock (_gate)
        {
            if (!_markets.Remove(market.Symbol))
            {
                return false;
            }

            var sids = _sids.Where(s => s.Value.Ticker == market.Symbol).Select(s => s.Key).ToList();
            if (sids.Count > 0)
            {
                Enqueue(KalshiCommands.Unsubscribe(++_nextCommandId, sids)); // a subscribe still unanswered is undone on its reply
            }

            // Nothing keeps this book current any more (no deltas, no polls): say so rather than leave it looking healthy.
            _downstream.OnBookStatus(new BookStatus(_parser.Symbols.Get(market.Symbol), BookHealth.Stale, "removed from the feed", _clock.GetUnixNs()));
            return true;
        }
    }

    /// <summary>One subscribe per channel for the market; call under the lock.</summary>
    private IEnumerable<string> SubscribeMarket(string ticker) => _marketChannels.Select(channel => Subscribe(new Route(ticker, channel)));

    private string SubscribeIndices() => Subscribe(new Route(null, KalshiCommands.CfBenchmarksValueChannel));

    private string Subscribe(Route route)
    {
        var id = ++_nextCommandId;
        _commands[id] = route;
        return route.Ticker is { } ticker
            ? KalshiCommands.Subscribe(id, [route.Channel], [ticker], _options.Pricing)
            : KalshiCommands.SubscribeIndices(id, [route.Channel], _options.IndexIds);
    }

    /// <summary>Queues a command for the current connection (under the lock); dropped when there is none, since the next one subscribes afresh.</summary>
    private void Enqueue(string command)
    {
        if (_connectionNumber == 0)
        {
            return;
        }

        if (!_outbox.Writer.TryWrite(new Outgoing(_connectionNumber, command)))
        {
            // Commands can no longer be trusted to arrive: start over on a new connection rather than run with a partial set.
            Interlocked.Increment(ref _commandsDropped);
            _lastCommandError = "the command queue is full: reconnecting";
            _connection.RequestReconnect(_lastCommandError);
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    if (item.Connection != _connectionNumber)
                    {
                        continue; // meant for a connection that has ended
                    }
                }

                try
                {
                    await _connection.SendTextAsync(item.Text, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !ct.IsCancellationRequested)
                {
                    _lastCommandError = "sending a command failed: " + ex.Message;
                    _connection.RequestReconnect(_lastCommandError);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Raised by the parser inside a parse (under the lock).</summary>
    private void OnControl(KalshiControlMessage control)
    {
        switch (control.Kind)
        {
            case KalshiControlKind.Subscribed when control is { CommandId: { } id, Sid: { } sid } && _commands.Remove(id, out var route):
                _sids[sid] = route;
                if (route.Ticker is { } ticker && !_markets.ContainsKey(ticker))
                {
                    Enqueue(KalshiCommands.Unsubscribe(++_nextCommandId, [sid])); // removed while the subscribe was on its way
                }

                break;
            case KalshiControlKind.Unsubscribed when control.Sid is { } sid:
                _sids.Remove(sid);
                break;
            case KalshiControlKind.Error when !control.EndsSubscription:
                _lastCommandError = $"Kalshi refused command {control.CommandId}: error {control.ErrorCode} {control.ErrorText}";
                break;
        }
    }

    /// <summary>Raised by the sync inside a parse (under the lock): a seq gap on the sid.</summary>
    private void OnSnapshotRequested(long sid) => Enqueue(KalshiCommands.GetSnapshot(++_nextCommandId, sid));

    /// <summary>Raised by the sync inside a parse (under the lock): error 10 or 25 ended a subscription; subscribe it anew.</summary>
    private void OnResubscribeRequested(KalshiSubscriptionLost lost)
    {
        Route route;
        if (lost.Sid is { } sid && _sids.Remove(sid, out var bySid))
        {
            route = bySid;
        }
        else if (lost.CommandId is { } id && _commands.Remove(id, out var byCommand))
        {
            route = byCommand;
        }
        else
        {
            _lastCommandError = $"error {lost.ErrorCode} ended subscription {lost.Sid} (command {lost.CommandId}), which this client does not know";
            return;
        }

        _lastCommandError = $"error {lost.ErrorCode} ended the {route.Channel} subscription of {route.Ticker ?? "the indices"}: subscribing again";
        if (route.Ticker is null || _markets.ContainsKey(route.Ticker))
        {
            Enqueue(Subscribe(route));
        }
    }

    /// <summary>What a subscription carries: one market's channel, or the index channel (no ticker).</summary>
    private readonly record struct Route(string? Ticker, string Channel);
}
