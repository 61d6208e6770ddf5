using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>A request as the proxy saw it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">Path and query as sent.</param>
/// <param name="Authorization">The Authorization header; null when absent.</param>
/// <param name="Status">The status answered.</param>
public sealed record ProxiedRequest(string Method, string Target, string? Authorization, int Status)
{
    /// <summary>The Range header; null when absent.</summary>
    public string? Range { get; init; }

    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
}

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of a test registry that records every request. Optionally it acts as a
/// token-auth registry (401 with a Bearer challenge whose realm is its own <c>/token</c>, which issues
/// <see cref="Token"/> to anyone) and can stall one blob's body after some bytes until released (a pull to interrupt).
/// </summary>
public sealed class RegistryProxy : IAsyncDisposable
{
    public const string Token = "cf-test-token";
    public const string Service = "cf-test-registry";
    private readonly HttpListener _listener;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });
    private readonly string _upstreamAuthority;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile StallRule? _stall;
    private volatile SlowRule? _slow;

    public RegistryProxy(string upstreamAuthority, bool requireBearer = false)
    {
        _upstreamAuthority = upstreamAuthority;
        RequireBearer = requireBearer;
        (_listener, Authority) = Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Authority { get; }

    public bool RequireBearer { get; }

    public ConcurrentQueue<ProxiedRequest> Requests { get; } = new();

    /// <summary>Completed when a stalled blob has sent its first bytes and waits for <see cref="ReleaseStall"/>.</summary>
    public Task Stalled => _stall?.Reached.Task ?? Task.CompletedTask;

    /// <summary>From now on, the body of blob <paramref name="digest"/> stops after <paramref name="bytes"/> bytes until released.</summary>
    public void StallBlob(string digest, long bytes) => _stall = new StallRule(digest, bytes);

    /// <summary>From now on, the body of blob <paramref name="digest"/> is sent 128 KiB at a time, <paramref name="pause"/> apart.</summary>
    public void SlowBlob(string digest, TimeSpan pause) => _slow = new SlowRule(digest, pause);

    /// <summary>Lets a stalled body fail (the connection is dropped) and serves later requests normally.</summary>
    public void ReleaseStall()
    {
        var stall = _stall;
        _stall = null;
        stall?.Release.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseStall();
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private static (HttpListener Listener, string Authority) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, $"127.0.0.1:{port}");
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is ObjectDisposedException or HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var target = request.RawUrl ?? "/";
        var authorization = request.Headers["Authorization"];
        try
        {
            if (request.Url!.AbsolutePath == "/token")
            {
                Record(request, target, authorization, 200);
                await WriteAsync(response, 200, "application/json", $$"""{"token":"{{Token}}","expires_in":300}""");
                return;
            }

            if (RequireBearer && authorization != $"Bearer {Token}")
            {
                Record(request, target, authorization, 401);
                response.Headers["WWW-Authenticate"] =
                    $"Bearer realm=\"http://{Authority}/token\",service=\"{Service}\",scope=\"repository:{Repository(request.Url.AbsolutePath)}:pull\"";
                await WriteAsync(response, 401, "application/json", """{"errors":[{"code":"UNAUTHORIZED"}]}""");
                return;
            }

            await ForwardAsync(request, response, target, authorization);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            response.Abort();
        }
    }

    private async Task ForwardAsync(HttpListenerRequest request, HttpListenerResponse response, string target, string? authorization)
    {
        using var upstreamRequest = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{_upstreamAuthority}{target}");
        foreach (var name in (string[])["Accept", "Range"])
        {
            if (request.Headers[name] is { } value)
            {
                upstreamRequest.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var upstream = await _upstream.SendAsync(upstreamRequest, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        Record(request, target, authorization, (int)upstream.StatusCode);
        response.StatusCode = (int)upstream.StatusCode;
        response.ContentType = upstream.Content.Headers.ContentType?.ToString();
        if (upstream.Headers.TryGetValues("Docker-Content-Digest", out var digest))
        {
            response.Headers["Docker-Content-Digest"] = digest.First();
        }

        if (upstream.Content.Headers.ContentRange is { } range)
        {
            response.Headers["Content-Range"] = range.ToString();
        }

        if (upstream.Content.Headers.ContentLength is { } length)
        {
            response.ContentLength64 = length;
        }

        if (request.HttpMethod != "HEAD")
        {
            await CopyBodyAsync(upstream, response.OutputStream, request.Url!.AbsolutePath);
        }

        response.Close();
    }

    private async Task CopyBodyAsync(HttpResponseMessage upstream, Stream output, string path)
    {
        await using var body = await upstream.Content.ReadAsStreamAsync(_stop.Token);
        var stall = _stall is { } rule && path.EndsWith("/blobs/" + rule.Digest, StringComparison.Ordinal) ? rule : null;
        var slow = _slow is { } slowRule && path.EndsWith("/blobs/" + slowRule.Digest, StringComparison.Ordinal) ? slowRule : null;
        var buffer = new byte[slow is null ? 64 * 1024 : 128 * 1024];
        long sent = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var count = stall is null ? read : (int)Math.Min(read, Math.Max(0, stall.Bytes - sent));
            await output.WriteAsync(buffer.AsMemory(0, count), _stop.Token);
            sent += count;
            if (slow is not null)
            {
                await Task.Delay(slow.Pause, _stop.Token);
            }

            if (stall is not null && sent >= stall.Bytes)
            {
                await output.FlushAsync(_stop.Token);
                stall.Reached.TrySetResult();
                using var both = CancellationTokenSource.CreateLinkedTokenSource(stall.Release.Token, _stop.Token);
                await Task.Delay(Timeout.Infinite, both.Token); // throws when released: the connection is dropped
            }
        }
    }

    private void Record(HttpListenerRequest request, string target, string? authorization, int status) =>
        Requests.Enqueue(new ProxiedRequest(request.HttpMethod, target, authorization, status) { Range = request.Headers["Range"] });

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>The repository of <c>/v2/&lt;repo&gt;/(manifests|blobs)/&lt;ref&gt;</c>.</summary>
    private static string Repository(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts.Length >= 4 ? string.Join('/', parts[1..^2]) : "";
    }

    private sealed record SlowRule(string Digest, TimeSpan Pause);

    private sealed record StallRule(string Digest, long Bytes)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Release { get; } = new();
    }
}
