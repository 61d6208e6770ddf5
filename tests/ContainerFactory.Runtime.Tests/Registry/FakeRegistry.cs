using System.Text;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Registry;

internal enum FakeAuth
{
    Anonymous,
    Bearer,
    Basic,
}

/// <summary>Registry API v2 behaviour over <see cref="TestHttpServer"/>: manifests, blobs, Range, bearer/basic auth.</summary>
internal sealed class FakeRegistry
{
    public const string Token = "tok-123";
    public const string Service = "fake-registry";
    private readonly Dictionary<string, (string MediaType, byte[] Body)> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public FakeAuth Auth { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Leave Docker-Content-Digest out of manifest responses.</summary>
    public bool OmitDigestHeader { get; init; }

    /// <summary>Flip one byte of every blob served.</summary>
    public bool CorruptBlobs { get; init; }

    /// <summary>Answer every request with 404 (an empty mirror).</summary>
    public bool Empty { get; init; }

    /// <summary>The server's authority, for the token realm.</summary>
    public string Authority { get; set; } = "";

    public Descriptor AddManifest(string repository, string tag, string mediaType, byte[] body)
    {
        var digest = ContentDigest.Sha256(body);
        _manifests[$"{repository}|{tag}"] = (mediaType, body);
        _manifests[$"{repository}|{digest}"] = (mediaType, body);
        return new Descriptor(mediaType, digest, body.Length);
    }

    public Descriptor AddBlob(string mediaType, byte[] body)
    {
        var digest = ContentDigest.Sha256(body);
        _blobs[digest] = body;
        return new Descriptor(mediaType, digest, body.Length);
    }

    public TestResponse Handle(TestRequest request)
    {
        if (Empty)
        {
            return TestResponse.Empty(404);
        }

        if (request.Path == "/token")
        {
            return IssueToken(request);
        }

        var parts = request.Path.Split('/');
        if (parts.Length < 5 || parts[1] != "v2")
        {
            return TestResponse.Empty(404);
        }

        var repository = string.Join('/', parts[2..^2]);
        if (Challenge(request, repository) is { } challenge)
        {
            return challenge;
        }

        return parts[^2] switch
        {
            "manifests" => ServeManifest(repository, parts[^1]),
            "blobs" => ServeBlob(request, parts[^1]),
            _ => TestResponse.Empty(404),
        };
    }

    private TestResponse? Challenge(TestRequest request, string repository)
    {
        var authorization = request.Header("Authorization");
        return Auth switch
        {
            FakeAuth.Bearer when authorization != $"Bearer {Token}" => TestResponse.Empty(401, ("WWW-Authenticate",
                $"Bearer realm=\"http://{Authority}/token\",service=\"{Service}\",scope=\"repository:{repository}:pull\"")),
            FakeAuth.Basic when authorization != BasicHeader(Username, Password) => TestResponse.Empty(401, ("WWW-Authenticate",
                "Basic realm=\"fake\"")),
            _ => null,
        };
    }

    private TestResponse IssueToken(TestRequest request)
    {
        if (request.Method == "POST")
        {
            var form = ParseForm(request.Body);
            return form.GetValueOrDefault("grant_type") == "password" && form.GetValueOrDefault("username") == Username
                && form.GetValueOrDefault("password") == Password && form.GetValueOrDefault("service") == Service
                ? Json($"{{\"access_token\":\"{Token}\",\"expires_in\":300}}")
                : TestResponse.Empty(401);
        }

        if (Username is not null && request.Header("Authorization") != BasicHeader(Username, Password))
        {
            return TestResponse.Empty(401);
        }

        return Json($"{{\"token\":\"{Token}\",\"expires_in\":300}}");
    }

    private TestResponse ServeManifest(string repository, string reference)
    {
        if (!_manifests.TryGetValue($"{repository}|{reference}", out var manifest))
        {
            return TestResponse.Empty(404);
        }

        var headers = new Dictionary<string, string> { ["Content-Type"] = manifest.MediaType };
        if (!OmitDigestHeader)
        {
            headers["Docker-Content-Digest"] = ContentDigest.Sha256(manifest.Body);
        }

        return new TestResponse(200, manifest.Body, headers);
    }

    private TestResponse ServeBlob(TestRequest request, string digest)
    {
        if (!_blobs.TryGetValue(digest, out var blob))
        {
            return TestResponse.Empty(404);
        }

        if (CorruptBlobs)
        {
            blob = (byte[])blob.Clone();
            blob[0] ^= 0xff;
        }

        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" };
        if (request.Header("Range") is { } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var from = int.Parse(range[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            headers["Content-Range"] = $"bytes {from}-{blob.Length - 1}/{blob.Length}";
            return new TestResponse(206, blob[from..], headers);
        }

        return new TestResponse(200, blob, headers);
    }

    public static Dictionary<string, string> ParseForm(byte[] body) =>
        Encoding.ASCII.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => Uri.UnescapeDataString(kv[1].Replace('+', ' ')));

    public static string BasicHeader(string? user, string? password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static TestResponse Json(string body) =>
        new(200, Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["Content-Type"] = "application/json" });
}
