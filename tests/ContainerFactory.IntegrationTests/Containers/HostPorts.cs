using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ContainerFactory.IntegrationTests.Containers;

/// <summary>Free host ports for port mappings, and plain HTTP GETs to 127.0.0.1 with bounded retries.</summary>
internal static class HostPorts
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>The first of <paramref name="count"/> consecutive TCP ports that nothing listens on (tried at most 50 times).</summary>
    public static int FreeRange(int count = 1)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int first = RandomNumberGenerator.GetInt32(20000, 40000);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free TCP ports found");
    }

    /// <summary>GETs <c>http://127.0.0.1:<paramref name="port"/>/</c> until it answers 200 (at most <paramref name="seconds"/> s); returns the body.</summary>
    public static async Task<string> GetAsync(int port, int seconds = 15)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            try
            {
                return await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"http://127.0.0.1:{port}/ did not answer within {seconds} s: {last?.Message}");
    }

    /// <summary>True when a TCP connect to 127.0.0.1:<paramref name="port"/> is refused.</summary>
    public static async Task<bool> RefusedAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // a rule still forwards to a container that is gone
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
