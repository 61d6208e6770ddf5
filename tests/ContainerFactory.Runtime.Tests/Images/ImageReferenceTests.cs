using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:b2838a9f2f9ac3d57c7a1e3b1c84d0c2d6c8e6a3b5ad6f2d0b4a2f4e4d6c44eb";

    [Theory]
    [InlineData("hello-world", "docker.io", "library/hello-world", "latest", null, "docker.io/library/hello-world:latest")]
    [InlineData("alpine:3.19", "docker.io", "library/alpine", "3.19", null, "docker.io/library/alpine:3.19")]
    [InlineData("user/app", "docker.io", "user/app", "latest", null, "docker.io/user/app:latest")]
    [InlineData("user/app:v1", "docker.io", "user/app", "v1", null, "docker.io/user/app:v1")]
    [InlineData("docker.io/hello-world", "docker.io", "library/hello-world", "latest", null, "docker.io/library/hello-world:latest")]
    [InlineData("index.docker.io/library/busybox", "docker.io", "library/busybox", "latest", null, "docker.io/library/busybox:latest")]
    [InlineData("docker.io/library/alpine:latest", "docker.io", "library/alpine", "latest", null, "docker.io/library/alpine:latest")]
    [InlineData("localhost/app", "localhost", "app", "latest", null, "localhost/app:latest")]
    [InlineData("localhost:5000/a/b", "localhost:5000", "a/b", "latest", null, "localhost:5000/a/b:latest")]
    [InlineData("127.0.0.1:5000/test/bb:1", "127.0.0.1:5000", "test/bb", "1", null, "127.0.0.1:5000/test/bb:1")]
    [InlineData("ghcr.io/org/team/app:1.0", "ghcr.io", "org/team/app", "1.0", null, "ghcr.io/org/team/app:1.0")]
    [InlineData("host:5000/a/b@" + Digest, "host:5000", "a/b", null, Digest, "host:5000/a/b@" + Digest)]
    [InlineData("host:5000/a/b:v2@" + Digest, "host:5000", "a/b", "v2", Digest, "host:5000/a/b:v2@" + Digest)]
    [InlineData("busybox@" + Digest, "docker.io", "library/busybox", null, Digest, "docker.io/library/busybox@" + Digest)]
    [InlineData("Registry.Example/app", "Registry.Example", "app", "latest", null, "Registry.Example/app:latest")]
    [InlineData("MyHost/app", "MyHost", "app", "latest", null, "MyHost/app:latest")]
    [InlineData("[::1]:5000/app:x", "[::1]:5000", "app", "x", null, "[::1]:5000/app:x")]
    [InlineData("a/b_c/d__e/f-g/h--i/j.k", "docker.io", "a/b_c/d__e/f-g/h--i/j.k", "latest", null, "docker.io/a/b_c/d__e/f-g/h--i/j.k:latest")]
    public void Parse_ValidReference_Normalizes(string text, string registry, string repository, string? tag, string? digest, string normalized)
    {
        var result = ImageReference.Parse(text);

        Assert.True(result.TryGetValue(out var reference, out var error), error?.Message);
        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(normalized, reference.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Hello-World", "repository name must be lowercase")]
    [InlineData("user/App", "repository name must be lowercase")]
    [InlineData("alpine:", "invalid tag")]
    [InlineData("alpine:-x", "invalid tag")]
    [InlineData("alpine@sha256:123", "invalid digest")]
    [InlineData("alpine@md5:d41d8cd98f00b204e9800998ecf8427e", "invalid digest")]
    [InlineData("host:5000/", "invalid repository name")]
    [InlineData("a//b", "invalid repository name")]
    [InlineData("-a/b", "invalid repository name")]
    [InlineData("a/b-", "invalid repository name")]
    [InlineData("a/b..c", "invalid repository name")]
    [InlineData("a/b___c", "invalid repository name")]
    [InlineData("host:port/a", "invalid registry host")]
    [InlineData("-host.io/a", "invalid registry host")]
    [InlineData("with space", "invalid repository name")]
    public void Parse_InvalidReference_ReturnsInvalidArgumentNamingInput(string text, string problem)
    {
        var result = ImageReference.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(RuntimeErrorKind.InvalidArgument, result.Error!.Kind);
        Assert.Equal($"invalid image reference \"{text}\": {problem}", result.Error.Message);
        Assert.False(ImageReference.TryParse(text, out _));
    }

    [Fact]
    public void Reference_WithTagAndDigest_IsDigest()
    {
        var reference = ImageReference.Parse("host:5000/a/b:v2@" + Digest).Value;

        Assert.Equal(Digest, reference.Reference);
        Assert.Equal("host:5000/a/b", reference.Name);
    }

    [Fact]
    public void Parse_TagOfMaximumLength_IsAccepted()
    {
        Assert.True(ImageReference.TryParse("a:" + new string('x', 128), out _));
        Assert.False(ImageReference.TryParse("a:" + new string('x', 129), out _));
    }
}
