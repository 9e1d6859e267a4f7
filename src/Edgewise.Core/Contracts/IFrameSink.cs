namespace Edgewise.Core.Contracts;

/// <summary>Where received frames are recorded (a capture file). Called from the receiving connection's loop.</summary>
public interface IFrameSink : IDisposable
{
    void Write(in RawFrame frame);
}
