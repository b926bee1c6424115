using System.Net;
using System.Net.Sockets;

namespace Tenancy.Local.Emulator.Processes;

/// <summary>Picks loopback ports for the local cloud's servers and child processes.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now (the OS picks it; a race with another process is possible but rare).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
