using System.Runtime.InteropServices;
using Edgewise.Cli.Commands;

namespace Edgewise.Tests.Reliability;

public sealed class ShutdownSignalsTests
{
    [Fact]
    public void Handle_FirstSignal_CancelsTheCommandAndKeepsTheProcess()
    {
        using var error = new StringWriter();
        using var signals = new ShutdownSignals(error);

        var suppress = signals.Handle(PosixSignal.SIGINT);

        Assert.True(suppress);
        Assert.True(signals.Token.IsCancellationRequested);
        Assert.Equal("edgewise: SIGINT: shutting down in order (send it again to exit at once)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Handle_SecondSignal_LetsTheDefaultActionEndTheProcess()
    {
        using var error = new StringWriter();
        using var signals = new ShutdownSignals(error);
        signals.Handle(PosixSignal.SIGTERM);

        var suppress = signals.Handle(PosixSignal.SIGINT);

        Assert.False(suppress);
        Assert.Equal(2, signals.SignalsReceived);
        Assert.EndsWith("edgewise: second signal (SIGINT): exiting at once" + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }
}
