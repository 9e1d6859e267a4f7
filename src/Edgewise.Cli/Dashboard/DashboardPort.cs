// A taken dashboard port is found before a command starts anything (simulated venues, the store's run row, feeds), so
// the user gets one line naming --port instead of a half-started run. The session still turns a bind failure into a
// setup error, for the port taken between this check and the bind.
using System.Net;
using System.Net.Sockets;

namespace Edgewise.Cli.Dashboard;

internal static class DashboardPort
{
    /// <summary>Null when <paramref name="port"/> can be listened on at <paramref name="bind"/> (always for 0: the system picks), else the problem.</summary>
    public static string? Problem(string bind, int port)
    {
        if (port == 0 || !IPAddress.TryParse(bind, out var address))
        {
            return null; // an unparsable address is the configuration's error, reported where it is used
        }

        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"--port {port}: {bind}:{port} is already in use (another edgewise, or another program); choose a free port with --port";
        }
        catch (SocketException e)
        {
            return $"--port {port}: cannot listen on {bind}:{port}: {e.Message}";
        }
    }
}
