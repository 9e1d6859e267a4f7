namespace Edgewise.Core.Contracts;

/// <summary>Where a raw frame came from: a WebSocket message, or a REST response (book snapshots used for sync).</summary>
public enum FrameSource : byte
{
    Ws = 0,
    Rest = 1,
}
