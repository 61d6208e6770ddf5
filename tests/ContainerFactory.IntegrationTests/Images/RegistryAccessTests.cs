using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.IntegrationTests.Images;

/// <summary>Registry selection and authentication against real registries: mirrors, basic auth, bearer tokens.</summary>
public sealed class RegistryAccessTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    private static TestEnvironment Env => TestEnvironment.Current;

    private static ImageReference Ref(string text) => ImageReference.Parse(text).Value;

    private static RegistryClientOptions Hosts(string host, RegistryHostOptions options) =>
        new() { Hosts = new Dictionary<string, RegistryHostOptions> { [host] = options } };

    [Fact]
    public async Task PullAsync_DockerHubThroughHttpMirror_AsksTheMirrorWithNsAndNamesDockerIo()
    {
        await using var mirror = new RegistryProxy(Env.Registry);
        var registries = Hosts("docker.io", new RegistryHostOptions([$"http://{mirror.Authority}"]));

        var result = await ns.Puller(registries).PullAsync(Ref("docker.io/library/hello-world:latest"));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal("docker.io/library/hello-world:latest", image.Name);
        Assert.Equal(Env["CF_IMAGE_HELLO_DIGEST"], image.Target.Digest);
        Assert.NotEmpty(mirror.Requests);
        Assert.All(mirror.Requests, r => Assert.Equal("ns=docker.io", r.Query));
        Assert.Equal(("HEAD", "/v2/library/hello-world/manifests/latest"), (mirror.Requests.First().Method, mirror.Requests.First().Path));
        var labels = (await ns.Client.Content.InfoAsync(image.Manifest.Digest)).Value.Labels;
        Assert.Equal("library/hello-world", labels["containerd.io/distribution.source.docker.io"]);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name)).Value);
    }

    [Fact]
    public async Task PullAsync_BasicAuthWithCredentials_Pulls()
    {
        var registries = Hosts(Env.AuthRegistry, new RegistryHostOptions([], Username: Env.AuthUser, Password: Env.AuthPassword));

        var result = await ns.Puller(registries).PullAsync(Ref(Env["CF_IMAGE_AUTH_BUSYBOX"]));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(Env["CF_IMAGE_AUTH_BUSYBOX_DIGEST"], image.Target.Digest);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name)).Value);
    }

    [Fact]
    public async Task PullAsync_BasicAuthWrongPassword_ReturnsUnauthorizedNamingTheRegistry()
    {
        var registries = Hosts(Env.AuthRegistry, new RegistryHostOptions([], Username: Env.AuthUser, Password: "wrong"));

        var result = await ns.Puller(registries).PullAsync(Ref(Env["CF_IMAGE_AUTH_HELLO"]));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal(
            $"registry {Env.AuthRegistry} refused authorization for image {Env["CF_IMAGE_AUTH_HELLO"]}: credentials rejected",
            result.Error.Message);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
        Assert.Equal(RuntimeErrorKind.NotFound, (await ns.Client.Images.GetAsync(Env["CF_IMAGE_AUTH_HELLO"])).Error!.Kind);
    }

    [Fact]
    public async Task PullAsync_BasicAuthWithoutCredentials_ReturnsUnauthorizedNamingTheRegistry()
    {
        var result = await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_AUTH_HELLO"]));

        Assert.Equal(RuntimeErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal(
            $"registry {Env.AuthRegistry} refused authorization for image {Env["CF_IMAGE_AUTH_HELLO"]}: Basic credentials required",
            result.Error.Message);
    }

    [Fact]
    public async Task PullAsync_BearerTokenRegistry_FetchesATokenAndSendsItOnEveryRequest()
    {
        var unique = await UniqueImage.PushAsync(64 * 1024);
        await using var proxy = new RegistryProxy(Env.Registry, requireBearer: true);
        var reference = unique.Reference.Replace(Env.Registry, proxy.Authority, StringComparison.Ordinal);
        var repository = Ref(reference).Repository;

        var result = await ns.Puller().PullAsync(Ref(reference));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(unique.Manifest.Digest, image.Target.Digest);
        Assert.Equal(unique.Layer.Size + unique.Config.Size + unique.Manifest.Size, image.BytesFetched);
        var requests = proxy.Requests.ToArray();
        Assert.Equal(("HEAD", 401), (requests[0].Method, requests[0].Status));
        var token = Assert.Single(requests, r => r.Path == "/token");
        Assert.Equal($"scope={Uri.EscapeDataString($"repository:{repository}:pull")}&service={RegistryProxy.Service}", token.Query);
        var authorized = requests.Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal) && r.Status != 401).ToArray();
        (string, string)[] expected =
        [
            ("HEAD", $"/v2/{repository}/manifests/latest"), ("GET", $"/v2/{repository}/manifests/{unique.Manifest.Digest}"),
            ("GET", $"/v2/{repository}/blobs/{unique.Config.Digest}"), ("GET", $"/v2/{repository}/blobs/{unique.Layer.Digest}"),
        ];
        Assert.Equal(expected.Order(), authorized.Select(r => (r.Method, r.Path)).Order());
        Assert.All(authorized, r => Assert.Equal($"Bearer {RegistryProxy.Token}", r.Authorization));
    }
}
