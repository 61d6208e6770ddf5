using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class PlatformMatcherTests
{
    private static readonly Platform Amd64 = Platform.LinuxAmd64;
    private static readonly Platform Arm64 = Platform.LinuxArm64;
    private static readonly Platform Arm64V8 = new("linux", "arm64", "v8");
    private static readonly Platform ArmV7 = Platform.LinuxArmV7;

    public static TheoryData<string, Platform, int?> Vectors => new()
    {
        { "oci-index-amd64-arm64.json", Amd64, 2 },
        { "oci-index-amd64-arm64.json", Arm64, 1 },
        { "oci-index-amd64-arm64.json", Arm64V8, 1 },
        { "oci-index-amd64-arm64.json", ArmV7, null },
        { "docker-list-with-attestation.json", Amd64, 12 },
        { "docker-list-with-attestation.json", ArmV7, 13 },
        { "docker-list-with-attestation.json", Arm64, 14 },
        { "oci-index-arm-fallbacks.json", ArmV7, 22 },
        { "oci-index-arm-fallbacks.json", Arm64, 22 },
        { "oci-index-arm-fallbacks.json", new Platform("linux", "arm", "v6"), 22 },
        { "oci-index-arm-fallbacks.json", new Platform("linux", "arm", "v5"), 21 },
        { "oci-index-arm-fallbacks.json", Amd64, 23 },
        { "oci-index-arm64-without-variant.json", Arm64V8, 32 },
        { "oci-index-arm64-without-variant.json", ArmV7, 31 },
        { "oci-index-arm64-without-variant.json", Amd64, null },
        { "oci-index-no-platform.json", Arm64, 42 },
        { "oci-index-no-platform.json", Amd64, 41 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Select_IndexVector_PicksExpectedManifest(string file, Platform target, int? expected)
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Vectors", file));
        var index = ManifestParser.ParseIndex(json, file).Value;

        var selected = PlatformMatcher.Select(index.Manifests, target);

        Assert.Equal(expected is null ? null : $"sha256:{expected:D64}", selected?.Digest);
    }

    [Theory]
    [InlineData("linux", "x86_64", "", "linux/amd64")]
    [InlineData("Linux", "aarch64", "", "linux/arm64")]
    [InlineData("linux", "arm64", "v8", "linux/arm64")]
    [InlineData("linux", "armhf", "", "linux/arm/v7")]
    [InlineData("linux", "armel", "", "linux/arm/v6")]
    [InlineData("linux", "arm", "", "linux/arm/v7")]
    [InlineData("linux", "arm", "7", "linux/arm/v7")]
    [InlineData("linux", "i386", "", "linux/386")]
    public void Normalize_Aliases_AreCanonical(string os, string architecture, string variant, string expected)
    {
        Assert.Equal(expected, new Platform(os, architecture, variant).Normalize().ToString());
    }

    [Fact]
    public void Rank_ExactBeforeFallback()
    {
        Assert.Equal(0, PlatformMatcher.Rank(Arm64, new Platform("linux", "arm64", "v8")));
        Assert.Equal(2, PlatformMatcher.Rank(Arm64, ArmV7));
        Assert.Null(PlatformMatcher.Rank(ArmV7, Arm64));
        Assert.Null(PlatformMatcher.Rank(Amd64, new Platform("windows", "amd64")));
    }

    [Fact]
    public void Host_IsLinux()
    {
        Assert.Equal("linux", Platform.Host.Os);
    }
}
