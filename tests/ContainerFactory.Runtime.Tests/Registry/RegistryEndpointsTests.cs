using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.Runtime.Tests.Registry;

public sealed class RegistryEndpointsTests
{
    [Theory]
    [InlineData("docker.io", false, "https://registry-1.docker.io/v2/library/a/manifests/latest")]
    [InlineData("ghcr.io", false, "https://ghcr.io/v2/library/a/manifests/latest")]
    [InlineData("ghcr.io", true, "http://ghcr.io/v2/library/a/manifests/latest")]
    [InlineData("127.0.0.1:5000", false, "http://127.0.0.1:5000/v2/library/a/manifests/latest")]
    [InlineData("localhost:5000", false, "http://localhost:5000/v2/library/a/manifests/latest")]
    [InlineData("[::1]:5000", false, "http://[::1]:5000/v2/library/a/manifests/latest")]
    public void For_HostOnly_UsesSchemeRules(string registry, bool plainHttp, string expected)
    {
        var endpoint = Assert.Single(RegistryEndpoints.For(registry, new RegistryHostOptions([], plainHttp)));

        Assert.Equal(expected, endpoint.Url("library/a", "manifests", "latest").AbsoluteUri);
    }

    [Fact]
    public void For_Mirrors_ComeFirstInOrderWithNs()
    {
        var endpoints = RegistryEndpoints.For("docker.io",
            new RegistryHostOptions(["http://10.0.0.5:5000", "mirror.example:443/v2/", "127.0.0.1:5000"]));

        Assert.Equal(
            [
                "http://10.0.0.5:5000/v2/library/a/blobs/d?ns=docker.io",
                "https://mirror.example/v2/library/a/blobs/d?ns=docker.io",
                "http://127.0.0.1:5000/v2/library/a/blobs/d?ns=docker.io",
                "https://registry-1.docker.io/v2/library/a/blobs/d",
            ],
            endpoints.Select(e => e.Url("library/a", "blobs", "d").AbsoluteUri));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST:80", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1.2.3:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("10.0.0.1:5000", false)]
    [InlineData("docker.io", false)]
    public void IsLoopback_Table(string authority, bool expected) =>
        Assert.Equal(expected, RegistryEndpoints.IsLoopback(authority));
}
