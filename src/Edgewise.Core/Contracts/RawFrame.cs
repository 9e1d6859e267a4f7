namespace Edgewise.Core.Contracts;

/// <summary>
/// One frame exactly as received, with its local receive time: the unit of capture and replay.
/// <paramref name="Raw"/> is the frame's UTF-8 text; it may point into a reader's buffer and is valid until the next frame.
/// </summary>
public readonly record struct RawFrame(long RecvTsNs, string Venue, FrameSource Source, string? Endpoint, ReadOnlyMemory<byte> Raw);
