using System.Net;
using System.Net.Sockets;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// A port on 127.0.0.1 where nothing listens, kept so for the test's lifetime: the socket is bound but never
/// listens, so connections are refused and no other test's server can take the port meanwhile.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public void Dispose() => _socket.Dispose();
}
