using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>WithDefaults + WithImageConfig reproduce the spec ctr 1.6 generated (containerd-notes §4.3).</summary>
public sealed class DefaultSpecTests
{
    private static readonly string CapturePath = Path.Combine(AppContext.BaseDirectory, "testdata", "oci", "spec-default-ctr-1.6.json");

    private static OciSpec CtrDefault() => SpecProfiles.All["default"]();

    [Fact]
    public void CtrDefault_Serialized_EqualsCaptureSemantically()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(CapturePath));
        using var actual = JsonDocument.Parse(OciSpecJson.Serialize(CtrDefault()));

        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void CtrDefault_Serialized_EqualsCaptureTextually()
    {
        Assert.Equal(File.ReadAllText(CapturePath), OciSpecJson.SerializeIndented(CtrDefault()) + "\n");
    }

    [Fact]
    public void CtrDefault_CompactBytes_EqualCaptureReindentedToCompact()
    {
        using var capture = JsonDocument.Parse(File.ReadAllBytes(CapturePath));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            capture.WriteTo(writer);
        }

        Assert.Equal(Encoding.UTF8.GetString(buffer.ToArray()), Encoding.UTF8.GetString(OciSpecJson.Serialize(CtrDefault())));
    }

    [Fact]
    public void Capture_ParsedAndReserialized_IsUnchanged()
    {
        var parsed = OciSpecJson.Parse(File.ReadAllBytes(CapturePath)).Value;

        Assert.Equal(File.ReadAllText(CapturePath), OciSpecJson.SerializeIndented(parsed) + "\n");
    }

    [Fact]
    public void Defaults_KantoNamespace_OnlyCgroupsPathDiffers()
    {
        var kanto = SpecOpts.Build(SpecOpts.WithDefaults("kanto-cm", "c0"), SpecOpts.WithImageConfig(SpecProfiles.CaptureImage, ProcessUser.Root));

        Assert.Equal("/kanto-cm/c0", kanto.Linux!.CgroupsPath);
        Assert.Equal(
            OciSpecJson.SerializeIndented(CtrDefault()),
            OciSpecJson.SerializeIndented(kanto with { Linux = kanto.Linux with { CgroupsPath = "/cfnotes/c0" } }));
    }

    [Fact]
    public void Parse_NotAnObject_IsInvalidArgument()
    {
        Assert.Equal(RuntimeErrorKind.InvalidArgument, OciSpecJson.Parse("[1]"u8).Error!.Kind);
        Assert.Equal(RuntimeErrorKind.InvalidArgument, OciSpecJson.Parse("null"u8).Error!.Kind);
        Assert.Equal(RuntimeErrorKind.InvalidArgument, OciSpecJson.Parse("{\"ociVersion\":"u8).Error!.Kind);
    }

    [Fact]
    public void Parse_UnknownMembers_AreIgnored()
    {
        var spec = OciSpecJson.Parse("""{"ociVersion":"1.0.2-dev","hooks":{"prestart":[]},"linux":{"seccomp":{"defaultAction":"SCMP_ACT_ERRNO"}}}"""u8).Value;

        Assert.Equal("""{"ociVersion":"1.0.2-dev","linux":{}}""", OciText.Json(spec));
    }
}
