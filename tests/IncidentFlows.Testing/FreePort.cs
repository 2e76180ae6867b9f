using System.Net;
using System.Net.Sockets;

namespace IncidentFlows.Testing;

/// <summary>Asks the OS for a free loopback port (bind to port 0, read it back, release it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
