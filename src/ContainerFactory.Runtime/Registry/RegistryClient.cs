using System.Net;
using ContainerFactory.Runtime.Images;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Runtime.Registry;

/// <summary>
/// A client of the registry HTTP API v2 that pulls the way containerd 1.6's resolver does (notes §2): no <c>/v2/</c>
/// ping, HEAD then GET by digest, mirrors before the host, challenges answered on demand, and every manifest and blob
/// checked against its digest. Every method returns a <see cref="RuntimeResult"/>; only cancellation throws.
/// Thread-safe.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    /// <summary>
    /// The copy buffer of a blob download (rented from <c>ArrayPool&lt;byte&gt;.Shared</c>): one read fills one
    /// containerd Content/Write message, and both buffers come from the pool's 512 KiB bucket (see
    /// <c>ContainerdConstants.WriteChunkSize</c>).
    /// </summary>
    internal const int CopyBufferSize = (512 * 1024) - 64;
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly RegistryAuthorizer _authorizer;
    private readonly ILogger _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Per-host mirrors, plain HTTP and credentials; limits.</param>
    /// <param name="handler">Optional HTTP handler (disposed with the client); a <see cref="SocketsHttpHandler"/> by default.</param>
    /// <param name="loggerFactory">Optional; logging is off when null.</param>
    public RegistryClient(RegistryClientOptions options, HttpMessageHandler? handler = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ContainerFactory.Runtime.Registry");
        _authorizer = new RegistryAuthorizer(_http, options, _logger);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends one request to an endpoint, answering one auth challenge. Any status but 401 is returned for the caller
    /// to judge; the caller disposes the response.
    /// </summary>
    private async Task<RuntimeResult<HttpResponseMessage>> SendAsync(
        RegistryEndpoint endpoint, ImageReference image, HttpMethod method, Uri url, string accept, long offset,
        CancellationToken cancellationToken)
    {
        var host = _options.For(image.Registry);
        var scope = $"repository:{image.Repository}:pull";
        for (var attempt = 0; ; attempt++)
        {
            var authorization = await _authorizer.AuthorizeAsync(endpoint.Authority, scope, host, cancellationToken).ConfigureAwait(false);
            if (!authorization.TryGetValue(out var header, out var authError))
            {
                return authError;
            }

            using var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Authorization = header;
            if (offset > 0)
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, null);
            }

            var sent = await SendOnceAsync(request, endpoint, image, cancellationToken).ConfigureAwait(false);
            if (!sent.TryGetValue(out var response, out var sendError))
            {
                return sendError;
            }

            RegistryLog.Response(_logger, method.Method, url, (int)response.StatusCode);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            using (response)
            {
                // A second 401 for the same request means the credentials or token were refused.
                var learned = attempt == 0
                    ? _authorizer.Learn(endpoint.Authority, response, host, $"image {image}")
                    : RegistryAuthorizer.Refused(endpoint.Authority, $"image {image}", "credentials rejected");
                if (learned.IsFailure(out var error))
                {
                    return error;
                }
            }
        }
    }

    private async Task<RuntimeResult<HttpResponseMessage>> SendOnceAsync(
        HttpRequestMessage request, RegistryEndpoint endpoint, ImageReference image, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new RuntimeError(RuntimeErrorKind.RegistryUnavailable,
                $"registry {endpoint.Authority} not reachable for image {image}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RuntimeError(RuntimeErrorKind.DeadlineExceeded,
                $"registry {endpoint.Authority} did not answer in {_options.RequestTimeout} for image {image}");
        }
    }

    /// <summary>Tries each endpoint in order until one succeeds; the error is the most telling one seen.</summary>
    private async Task<RuntimeResult<T>> FirstEndpointAsync<T>(
        ImageReference image, Func<RegistryEndpoint, Task<RuntimeResult<T>>> attempt)
    {
        RuntimeError? error = null;
        foreach (var endpoint in RegistryEndpoints.For(image.Registry, _options.For(image.Registry)))
        {
            var result = await attempt(endpoint).ConfigureAwait(false);
            if (result.TryGetValue(out _, out var failure))
            {
                return result;
            }

            RegistryLog.EndpointFailed(_logger, endpoint.BaseUri, image.ToString(), failure.Message);
            // An unreachable endpoint tells less than an earlier endpoint's definite answer.
            error = failure.Kind == RuntimeErrorKind.RegistryUnavailable && error is not null ? error : failure;
        }

        return error!;
    }

    private static RuntimeError StatusError(HttpResponseMessage response, RegistryEndpoint endpoint, string subject) =>
        response.StatusCode switch
        {
            HttpStatusCode.NotFound => new(RuntimeErrorKind.NotFound, $"{subject} not found"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                RegistryAuthorizer.Refused(endpoint.Authority, subject, $"HTTP {(int)response.StatusCode}"),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests =>
                new(RuntimeErrorKind.RegistryUnavailable, $"registry {endpoint.Authority} answered {(int)response.StatusCode} for {subject}"),
            _ => new(RuntimeErrorKind.Internal, $"registry {endpoint.Authority} answered {(int)response.StatusCode} for {subject}"),
        };
}
