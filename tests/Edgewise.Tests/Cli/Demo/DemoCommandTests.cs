using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Edgewise.Cli;
using Edgewise.Cli.Commands;
using Edgewise.Cli.Demo;

namespace Edgewise.Tests.Cli.Demo;

/// <summary>`edgewise demo`'s arguments: each problem is one line naming the option, and nothing starts.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-demo-args-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    [Theory]
    [InlineData("6x")]
    [InlineData("60")]
    [InlineData("0s")]
    public void Invoke_DurationNotAPositiveDuration_ErrorNamesTheOptionAndExit1(string duration)
    {
        var code = Invoke("demo", "--duration", duration, "--out", _dir);

        Assert.Equal(1, code);
        Assert.Contains($"--duration: '{duration}' is not a positive duration; write e.g. 60s, 10m, 1h30m, 500ms or 00:01:00", _err.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1001")]
    public void Invoke_SpeedOutOfRange_OneLineNamingSpeedAndExit1(string speed)
    {
        var code = Invoke("demo", "--speed", speed, "--out", _dir);

        Assert.Equal(1, code);
        Assert.Equal($"edgewise demo: --speed: must be more than 0 and at most 1000{Environment.NewLine}", _err.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void Invoke_UnknownProfile_OneLineNamingProfileAndExit1()
    {
        var code = Invoke("demo", "--profile", "no-such-profile", "--out", _dir);

        Assert.Equal(1, code);
        Assert.StartsWith("edgewise demo: --profile: profile 'no-such-profile' not found", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DashboardPortTaken_OneLineNamingThePortAndNothingStarts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var request = new DemoCommand.Request(null, null, new DemoOptions { DashboardPort = port, OutDirectory = Path.Combine(_dir, "out") });

        var code = await DemoCommand.RunAsync(request, _out, _err, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal(
            $"edgewise demo: --port {port}: 127.0.0.1:{port} is already in use (another edgewise, or another program); choose a free port with --port{Environment.NewLine}",
            _err.ToString());
        Assert.Equal(string.Empty, _out.ToString());
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    [Theory]
    [InlineData("2026-03-02T14:07:12Z", "2026-03-02T14:01:30Z")]
    [InlineData("2026-03-02T14:00:00Z", "2026-03-02T14:01:30Z")]
    [InlineData("2026-03-02T14:59:59.999Z", "2026-03-02T14:46:30Z")]
    [InlineData("2026-03-02T09:20:00-05:00", "2026-03-02T14:16:30Z")] // 14:20 UTC: the 14:15 window
    public void MarketStart_AnyWallTime_NinetySecondsIntoItsQuarterHour(string wall, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DemoSession.MarketStart(DateTimeOffset.Parse(wall, System.Globalization.CultureInfo.InvariantCulture)));

    private int Invoke(params string[] args) =>
        EdgewiseCli.Build().Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });
}
