using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.Runtime.Tests.Registry;

public sealed class RegistryClientTests
{
    private static RegistryClient Client(params (string Host, RegistryHostOptions Options)[] hosts) =>
        new(new RegistryClientOptions
        {
            Hosts = hosts.ToDictionary(h => h.Host, h => h.Options),
            RequestTimeout = TimeSpan.FromSeconds(10),
        });

    private static async Task<(TestHttpServer Server, FakeRegistry Registry)> StartAsync(FakeRegistry registry)
    {
        var server = new TestHttpServer(registry.Handle);
        registry.Authority = server.Authority;
        await Task.Yield();
        return (server, registry);
    }

    private static ImageReference Ref(string text) => ImageReference.Parse(text).Value;

    [Fact]
    public async Task ResolveManifestAsync_AnonymousManifest_HeadsThenFetchesByDigest()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();

        var result = await client.ResolveManifestAsync(Ref($"{server.Authority}/test/bb:1"), Platform.LinuxAmd64);

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(pushed.Root, image.Root);
        Assert.Null(image.IndexBytes);
        Assert.Equal(pushed.Config.Digest, image.Manifest.Config.Digest);
        Assert.Equal(pushed.Layer.Digest, Assert.Single(image.Manifest.Layers).Digest);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(("HEAD", "/v2/test/bb/manifests/1"), (requests[0].Method, requests[0].Target));
        Assert.Equal(MediaTypes.ResolveAccept, requests[0].Header("Accept"));
        Assert.Equal(("GET", $"/v2/test/bb/manifests/{pushed.Root.Digest}"), (requests[1].Method, requests[1].Target));
        Assert.Equal($"{MediaTypes.OciManifest}, */*", requests[1].Header("Accept"));
    }

    [Fact]
    public async Task ResolveManifestAsync_Index_FetchesOnlyTheChosenPlatform()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        var (amd64, arm64, index) = TestImages.PushMulti(registry, "test/bb", "multi");
        using var client = Client();

        var result = await client.ResolveManifestAsync(Ref($"{server.Authority}/test/bb:multi"), Platform.LinuxArm64);

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(index, image.Root);
        Assert.NotNull(image.IndexBytes);
        Assert.Equal(2, image.IndexEntries.Count);
        Assert.Equal(arm64.Manifest.Digest, image.ManifestDescriptor.Digest);
        Assert.Equal(arm64.Layer.Digest, Assert.Single(image.Manifest.Layers).Digest);
        Assert.DoesNotContain(server.Requests, r => r.Target.EndsWith(amd64.Manifest.Digest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveManifestAsync_NoManifestForPlatform_ReturnsNotFoundNamingImageAndPlatform()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        TestImages.PushMulti(registry, "test/bb", "multi");
        using var client = Client();

        var result = await client.ResolveManifestAsync(Ref($"{server.Authority}/test/bb:multi"), Platform.LinuxArmV7);

        Assert.Equal(RuntimeErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal($"image {server.Authority}/test/bb:multi has no manifest for platform linux/arm/v7", result.Error.Message);
    }

    [Fact]
    public async Task ResolveAsync_UnknownImage_ReturnsNotFoundNamingImage()
    {
        var (server, _) = await StartAsync(new FakeRegistry());
        await using var _s = server;
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/missing"));

        Assert.Equal(RuntimeErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal($"image {server.Authority}/test/missing:latest not found in {server.Authority}", result.Error.Message);
    }

    [Fact]
    public async Task ResolveAsync_HeadWithoutDigest_HashesTheGetBody()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { OmitDigestHeader = true });
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.Equal(pushed.Root, result.Value);
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task ResolveAsync_DigestReferenceResolvedElsewhere_ReturnsDigestMismatch()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        var other = "sha256:" + new string('0', 64);
        registry.AddManifest("test/bb", other, MediaTypes.OciManifest, "{}"u8.ToArray());
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb@{other}"));

        Assert.Equal(RuntimeErrorKind.DigestMismatch, result.Error!.Kind);
        Assert.NotEqual(pushed.Root.Digest, other);
    }

    [Fact]
    public async Task ResolveAsync_BearerChallengeAnonymous_FetchesTokenOnceAndRetries()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Bearer });
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();
        var image = Ref($"{server.Authority}/test/bb:1");

        var resolved = await client.ResolveAsync(image);
        var manifest = await client.FetchManifestAsync(image, resolved.Value);

        Assert.True(manifest.IsSuccess, manifest.Error?.Message);
        var requests = server.Requests.ToArray();
        Assert.Equal(["HEAD", "GET", "HEAD", "GET"], requests.Select(r => r.Method));
        Assert.Equal("/token", requests[1].Path);
        Assert.Equal("scope=repository%3Atest%2Fbb%3Apull&service=fake-registry", requests[1].Query);
        Assert.Null(requests[1].Header("Authorization"));
        Assert.Null(requests[0].Header("Authorization"));
        Assert.Equal($"Bearer {FakeRegistry.Token}", requests[2].Header("Authorization"));
        Assert.Equal($"Bearer {FakeRegistry.Token}", requests[3].Header("Authorization"));
        Assert.Equal(pushed.Root.Digest, resolved.Value.Digest);
    }

    [Fact]
    public async Task ResolveAsync_BearerChallengeWithCredentials_PostsPasswordGrant()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Bearer, Username = "alice", Password = "secret" });
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client((server.Authority, new RegistryHostOptions([], Username: "alice", Password: "secret")));

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var token = Assert.Single(server.Requests, r => r.Path == "/token");
        Assert.Equal("POST", token.Method);
        var form = FakeRegistry.ParseForm(token.Body);
        Assert.Equal("password", form["grant_type"]);
        Assert.Equal("repository:test/bb:pull", form["scope"]);
        Assert.Equal("alice", form["username"]);
    }

    [Fact]
    public async Task ResolveAsync_BasicChallenge_SendsCredentials()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Basic, Username = "bob", Password = "pw" });
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client((server.Authority, new RegistryHostOptions([], Username: "bob", Password: "pw")));
        var image = Ref($"{server.Authority}/test/bb:1");

        var resolved = await client.ResolveAsync(image);
        using var layer = new MemoryStream();
        var copied = await client.CopyBlobAsync(image, pushed.Layer, layer);

        Assert.True(copied.IsSuccess, copied.Error?.Message);
        Assert.Equal(pushed.Root, resolved.Value);
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(FakeRegistry.BasicHeader("bob", "pw"), requests[1].Header("Authorization"));
        Assert.Equal(FakeRegistry.BasicHeader("bob", "pw"), requests[2].Header("Authorization"));
    }

    [Fact]
    public async Task ResolveAsync_BasicChallengeWithoutCredentials_ReturnsUnauthorizedNamingImage()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Basic, Username = "bob", Password = "pw" });
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal(
            $"registry {server.Authority} refused authorization for image {server.Authority}/test/bb:1: Basic credentials required",
            result.Error.Message);
    }

    [Fact]
    public async Task ResolveAsync_WrongPassword_ReturnsUnauthorized()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Basic, Username = "bob", Password = "pw" });
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client((server.Authority, new RegistryHostOptions([], Username: "bob", Password: "wrong")));

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_TokenAnswerOverTheLimit_ReturnsUnauthorizedNamingTheLimit()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Bearer });
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        // The fake token answer {"token":"tok-123","expires_in":300} is 36 bytes.
        using var client = new RegistryClient(new RegistryClientOptions { MaxManifestBytes = 35, RequestTimeout = TimeSpan.FromSeconds(10) });

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal($"token endpoint http://{server.Authority}/token sent more than 35 bytes", result.Error.Message);
    }

    [Fact]
    public async Task FetchManifestAsync_ManifestOverTheLimit_ReturnsInternalNamingTheLimit()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        using var client = new RegistryClient(new RegistryClientOptions { MaxManifestBytes = 64, RequestTimeout = TimeSpan.FromSeconds(10) });
        var image = Ref($"{server.Authority}/test/bb:1");
        var resolved = await client.ResolveAsync(image);

        var manifest = await client.FetchManifestAsync(image, resolved.Value);

        Assert.Equal(RuntimeErrorKind.Internal, manifest.Error!.Kind);
        Assert.EndsWith(" is larger than 64 bytes", manifest.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_BearerTokenRefused_ReturnsUnauthorized()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { Auth = FakeAuth.Bearer, Username = "alice", Password = "secret" });
        await using var _ = server;
        TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{server.Authority}/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("/token answered 401", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyBlobAsync_ValidBlob_WritesVerifiedBytes()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();
        using var destination = new MemoryStream();

        var result = await client.CopyBlobAsync(Ref($"{server.Authority}/test/bb:1"), pushed.Layer, destination);

        Assert.Equal(pushed.LayerBytes.Length, result.Value);
        Assert.Equal(pushed.LayerBytes, destination.ToArray());
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v2/test/bb/blobs/{pushed.Layer.Digest}", request.Target);
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip, */*", request.Header("Accept"));
    }

    [Fact]
    public async Task CopyBlobAsync_CorruptedBlob_ReturnsDigestMismatch()
    {
        var (server, registry) = await StartAsync(new FakeRegistry { CorruptBlobs = true });
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();
        using var destination = new MemoryStream();

        var result = await client.CopyBlobAsync(Ref($"{server.Authority}/test/bb:1"), pushed.Layer, destination);

        Assert.Equal(RuntimeErrorKind.DigestMismatch, result.Error!.Kind);
        Assert.StartsWith($"blob {pushed.Layer.Digest} of image {server.Authority}/test/bb:1: digest mismatch", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyBlobAsync_FromOffset_SendsRangeAndWritesTheRest()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client();
        using var destination = new MemoryStream();

        var result = await client.CopyBlobAsync(Ref($"{server.Authority}/test/bb:1"), pushed.Layer, destination, offset: 40_000);

        Assert.Equal(pushed.LayerBytes.Length - 40_000, result.Value);
        Assert.Equal(pushed.LayerBytes[40_000..], destination.ToArray());
        Assert.Equal("bytes=40000-", Assert.Single(server.Requests).Header("Range"));
    }

    [Fact]
    public async Task ResolveManifestAsync_DockerHubImage_IsServedByLocalMirrorWithNs()
    {
        var (server, registry) = await StartAsync(new FakeRegistry());
        await using var _ = server;
        TestImages.PushSingle(registry, "library/hello-world", "latest");
        using var client = Client(("docker.io", new RegistryHostOptions([$"http://{server.Authority}"])));

        var result = await client.ResolveManifestAsync(Ref("hello-world"), Platform.LinuxAmd64);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.All(server.Requests, r => Assert.Equal("ns=docker.io", r.Query));
        Assert.Equal("/v2/library/hello-world/manifests/latest", server.Requests.First().Path);
    }

    [Fact]
    public async Task ResolveAsync_MirrorWithoutImage_FallsBackToHost()
    {
        var (mirror, _) = await StartAsync(new FakeRegistry { Empty = true });
        await using var _m = mirror;
        var (host, registry) = await StartAsync(new FakeRegistry());
        await using var _h = host;
        var pushed = TestImages.PushSingle(registry, "test/bb", "1");
        using var client = Client((host.Authority, new RegistryHostOptions([mirror.Authority])));

        var result = await client.ResolveAsync(Ref($"{host.Authority}/test/bb:1"));

        Assert.Equal(pushed.Root, result.Value);
        // Escaped like Go's url.Values.Encode, which containerd uses.
        Assert.Equal("ns=" + Uri.EscapeDataString(host.Authority), Assert.Single(mirror.Requests).Query);
        Assert.Equal("", host.Requests.First().Query);
    }

    [Fact]
    public async Task ResolveAsync_NothingListening_ReturnsRegistryUnavailable()
    {
        var (server, _) = await StartAsync(new FakeRegistry());
        var authority = server.Authority;
        await server.DisposeAsync();
        using var client = Client();

        var result = await client.ResolveAsync(Ref($"{authority}/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.RegistryUnavailable, result.Error!.Kind);
        Assert.StartsWith($"registry {authority} not reachable for image {authority}/test/bb:1", result.Error.Message, StringComparison.Ordinal);
    }
}
