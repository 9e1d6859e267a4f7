using System.Text;
using Edgewise.Core.Contracts;

namespace Edgewise.Tests.Venues.Feeds;

/// <summary>A recorder that keeps a copy of every frame written (frames are only valid during the call).</summary>
internal sealed class ListFrameSink : IFrameSink
{
    private readonly List<(string Venue, FrameSource Source, string? Endpoint, string Text, long RecvTsNs)> _frames = [];

    public IReadOnlyList<(string Venue, FrameSource Source, string? Endpoint, string Text, long RecvTsNs)> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public void Write(in RawFrame frame)
    {
        lock (_frames)
        {
            _frames.Add((frame.Venue, frame.Source, frame.Endpoint, Encoding.UTF8.GetString(frame.Raw.Span), frame.RecvTsNs));
        }
    }

    public void Dispose()
    {
    }
}
