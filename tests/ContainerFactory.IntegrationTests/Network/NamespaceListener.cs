using System.Net;
using System.Net.Sockets;
using System.Text;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.IntegrationTests.Network;

/// <summary>
/// A TCP listener whose socket was created inside a network namespace (through <see cref="NetworkNamespace.Invoke{T}"/>):
/// it answers each connection with <see cref="Greeting"/> and closes it. Bounded: stops when disposed.
/// </summary>
internal sealed class NamespaceListener : IDisposable
{
    public const string Greeting = "hello from the namespace\n";
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private NamespaceListener(Socket socket)
    {
        _socket = socket;
        _loop = AnswerAsync();
    }

    public static NamespaceListener Start(string netnsPath, int port)
    {
        RuntimeResult<Socket> socket = NetworkNamespace.Invoke(netnsPath, () =>
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, port));
            listener.Listen(8);
            return listener;
        });
        Assert.True(socket.IsSuccess, socket.ToString());
        return new NamespaceListener(socket.Value);
    }

    /// <summary>Connects to <paramref name="address"/>:<paramref name="port"/> and returns what the server sent, or the socket error's name.</summary>
    public static async Task<string> FetchAsync(IPAddress address, int port)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        return await ReceiveAsync(client, address, port);
    }

    private static async Task<string> ReceiveAsync(Socket client, IPAddress address, int port)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync(new IPEndPoint(address, port), deadline.Token);
            var buffer = new byte[256];
            int total = 0;
            int read;
            while ((read = await client.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, deadline.Token)) > 0)
            {
                total += read;
            }

            return Encoding.ASCII.GetString(buffer, 0, total);
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode.ToString();
        }
        catch (OperationCanceledException)
        {
            return "Timeout";
        }
    }

    /// <summary>Like <see cref="FetchAsync(IPAddress, int)"/> but from a socket created inside <paramref name="netnsPath"/>.</summary>
    public static async Task<string> FetchFromAsync(string netnsPath, IPAddress address, int port)
    {
        RuntimeResult<Socket> socket = NetworkNamespace.Invoke(netnsPath, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        Assert.True(socket.IsSuccess, socket.ToString());
        using Socket client = socket.Value;
        return await ReceiveAsync(client, address, port);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _ = _loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private async Task AnswerAsync()
    {
        byte[] greeting = Encoding.ASCII.GetBytes(Greeting);
        while (!_stop.IsCancellationRequested)
        {
            using Socket connection = await _socket.AcceptAsync(_stop.Token);
            await connection.SendAsync(greeting, SocketFlags.None, _stop.Token);
            connection.Shutdown(SocketShutdown.Both);
        }
    }
}
