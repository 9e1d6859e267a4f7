namespace Edgewise.Core.Time;

/// <summary>A clock that keeps exact Unix nanoseconds (DateTimeOffset only has 100 ns ticks), such as the replay clock.</summary>
public interface IUnixNanosecondClock
{
    long UnixNs { get; }
}
