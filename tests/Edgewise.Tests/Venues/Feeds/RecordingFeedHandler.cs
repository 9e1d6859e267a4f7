using System.Text;
using System.Threading.Channels;
using Edgewise.Core.Contracts;
using Edgewise.Simulators;
using Edgewise.Venues.Common;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>An IFeedHandler that sends scripted subscriptions, keeps a copy of every frame, and can be told to throw.</summary>
internal sealed class RecordingFeedHandler(params string[] subscriptions) : IFeedHandler
{
    private readonly Channel<(string Text, long RecvTsNs)> _frames = Channel.CreateUnbounded<(string, long)>();
    private readonly List<string> _disconnects = [];

    /// <summary>A frame with exactly this text makes OnFrame throw (a handler bug).</summary>
    public string? ThrowOn { get; set; }

    public List<long> ConnectionNumbers { get; } = [];

    public IReadOnlyList<string> Disconnects
    {
        get
        {
            lock (_disconnects)
            {
                return [.. _disconnects];
            }
        }
    }

    public async Task<(string Text, long RecvTsNs)> NextFrameAsync()
    {
        try
        {
            return await _frames.Reader.ReadAsync().AsTask().WaitAsync(SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException("The handler received no frame within the timeout.", ex);
        }
    }

    public async ValueTask OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (ConnectionNumbers)
        {
            ConnectionNumbers.Add(connectionNumber);
        }

        foreach (var message in subscriptions)
        {
            await connection.SendTextAsync(message, ct);
        }
    }

    public ParseOutcome OnFrame(in RawFrame frame)
    {
        var text = Encoding.UTF8.GetString(frame.Raw.Span);
        if (text == ThrowOn)
        {
            throw new InvalidOperationException("handler bug on purpose");
        }

        _frames.Writer.TryWrite((text, frame.RecvTsNs));
        return text.StartsWith('{') ? ParseOutcome.Data : ParseOutcome.Malformed;
    }

    public void OnDisconnected(string reason, long tsNs)
    {
        lock (_disconnects)
        {
            _disconnects.Add(reason);
        }
    }
}
