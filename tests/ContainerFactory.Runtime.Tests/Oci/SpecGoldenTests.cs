using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>Every profile serializes exactly to its golden file <c>testdata/oci/&lt;profile&gt;.json</c>.</summary>
public sealed class SpecGoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "testdata", "oci");

    public static TheoryData<string> Profiles => [.. SpecProfiles.All.Keys];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_Serialized_MatchesGoldenFile(string profile)
    {
        var actual = OciSpecJson.SerializeIndented(SpecProfiles.All[profile]()) + "\n";
        var golden = Path.Combine(GoldenDirectory, profile + ".json");

        if (!File.Exists(golden) || File.ReadAllText(golden) != actual)
        {
            // Left next to the test binary for review; copy it to tests/testdata/oci/ only after reading it.
            File.WriteAllText(Path.ChangeExtension(golden, ".actual.json"), actual);
        }

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void GoldenFiles_EachHasAProfile()
    {
        var files = Directory.GetFiles(GoldenDirectory, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".actual", StringComparison.Ordinal) && name != "spec-default-ctr-1.6")
            .Order(StringComparer.Ordinal);

        Assert.Equal(SpecProfiles.All.Keys.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_CompactBytes_ParseBackToTheSameSpecText(string profile)
    {
        var spec = SpecProfiles.All[profile]();

        var parsed = OciSpecJson.Parse(OciSpecJson.Serialize(spec)).Value;

        Assert.Equal(OciSpecJson.SerializeIndented(spec), OciSpecJson.SerializeIndented(parsed));
    }
}
