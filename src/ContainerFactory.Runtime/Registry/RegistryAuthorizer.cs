using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Registry;

/// <summary>
/// Remembers each endpoint's auth challenge and answers it the way containerd's authorizer does (notes §2): Bearer
/// with credentials = OAuth2 password grant (POST), falling back to GET with basic auth; anonymous Bearer = GET;
/// Basic = the credentials on every request. Tokens are cached per realm, service and scope until they expire.
/// </summary>
internal sealed class RegistryAuthorizer(HttpClient http, RegistryClientOptions options, ILogger logger)
{
    private const string ClientId = "container-factory";
    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The Authorization header for a request to the endpoint, or null when it has not challenged yet.</summary>
    public async Task<RuntimeResult<AuthenticationHeaderValue?>> AuthorizeAsync(
        string authority, string scope, RegistryHostOptions host, CancellationToken cancellationToken)
    {
        if (!_challenges.TryGetValue(authority, out var challenge))
        {
            return RuntimeResult<AuthenticationHeaderValue?>.Ok(null);
        }

        if (challenge.IsBasic)
        {
            return RuntimeResult<AuthenticationHeaderValue?>.Ok(Basic(host));
        }

        var token = await TokenAsync(challenge, scope, host, cancellationToken).ConfigureAwait(false);
        return token.TryGetValue(out var value, out var error)
            ? new AuthenticationHeaderValue("Bearer", value)
            : RuntimeResult<AuthenticationHeaderValue?>.Fail(error);
    }

    /// <summary>Records the challenge of a 401 response; an error when it cannot be answered.</summary>
    public RuntimeResult Learn(string authority, HttpResponseMessage unauthorized, RegistryHostOptions host, string subject)
    {
        var values = unauthorized.Headers.TryGetValues("WWW-Authenticate", out var v) ? v : [];
        var challenge = WwwAuthenticate.Preferred(WwwAuthenticate.Parse(values));
        if (challenge is null || (challenge.IsBasic && !host.HasCredentials) || (challenge.IsBearer && challenge["realm"] is null))
        {
            return Refused(authority, subject, challenge is null ? "no usable challenge" : $"{challenge.Scheme} credentials required");
        }

        RegistryLog.Challenged(logger, authority, challenge.Scheme);
        _challenges[authority] = challenge;
        return RuntimeResult.Ok;
    }

    public static RuntimeError Refused(string authority, string subject, string detail) =>
        new(RuntimeErrorKind.Unauthorized, $"registry {authority} refused authorization for {subject}: {detail}");

    private static AuthenticationHeaderValue? Basic(RegistryHostOptions host) =>
        host.HasCredentials
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{host.Username}:{host.Password}")))
            : null;

    private async Task<RuntimeResult<string>> TokenAsync(
        AuthChallenge challenge, string scope, RegistryHostOptions host, CancellationToken cancellationToken)
    {
        var realm = challenge["realm"]!;
        var service = challenge["service"] ?? "";
        var scopes = (challenge["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Append(scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var key = $"{realm}\n{service}\n{string.Join(' ', scopes)}\n{host.Username}";
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > DateTimeOffset.UtcNow)
        {
            return cached.Token;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var response = host.HasCredentials
                ? await PostOAuthAsync(realm, service, scopes, host, timeout.Token).ConfigureAwait(false)
                : null;
            if (response is null || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
                    or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed)
            {
                response?.Dispose();
                response = await GetTokenAsync(realm, service, scopes, host, timeout.Token).ConfigureAwait(false);
            }

            using (response)
            {
                return await ReadTokenAsync(response, key, realm, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException e)
        {
            return new RuntimeError(RuntimeErrorKind.RegistryUnavailable, $"token endpoint {realm} not reachable: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RuntimeError(RuntimeErrorKind.DeadlineExceeded, $"token endpoint {realm} did not answer in {options.RequestTimeout}");
        }
    }

    private async Task<HttpResponseMessage> PostOAuthAsync(
        string realm, string service, string[] scopes, RegistryHostOptions host, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["grant_type"] = "password",
            ["password"] = host.Password ?? "",
            ["scope"] = string.Join(' ', scopes),
            ["service"] = service,
            ["username"] = host.Username ?? "",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> GetTokenAsync(
        string realm, string service, string[] scopes, RegistryHostOptions host, CancellationToken cancellationToken)
    {
        var query = string.Join('&', scopes.Select(s => "scope=" + Uri.EscapeDataString(s))
            .Append("service=" + Uri.EscapeDataString(service)));
        var url = realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        request.Headers.Authorization = Basic(host);
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult<string>> ReadTokenAsync(
        HttpResponseMessage response, string key, string realm, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return new RuntimeError(RuntimeErrorKind.Unauthorized, $"token endpoint {realm} answered {(int)response.StatusCode}");
        }

        // Read whole, then parsed synchronously: an async deserializer would be compiled for every JSON type.
        var bytes = await BoundedBody.ReadAsync(response.Content, options.MaxManifestBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new RuntimeError(RuntimeErrorKind.Unauthorized, $"token endpoint {realm} sent more than {options.MaxManifestBytes} bytes");
        }

        TokenResponse? body;
        try
        {
            body = JsonSerializer.Deserialize(bytes, RegistryJson.Default.TokenResponse);
        }
        catch (JsonException e)
        {
            return new RuntimeError(RuntimeErrorKind.Unauthorized, $"token endpoint {realm} sent malformed JSON: {e.Message}");
        }

        if (body?.Effective is not { Length: > 0 } token)
        {
            return new RuntimeError(RuntimeErrorKind.Unauthorized, $"token endpoint {realm} sent no token");
        }

        // The token spec's default lifetime is 60 s; renew a little early.
        var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn ?? 60, 60) - 10);
        _tokens[key] = (token, DateTimeOffset.UtcNow + lifetime);
        return token;
    }
}
