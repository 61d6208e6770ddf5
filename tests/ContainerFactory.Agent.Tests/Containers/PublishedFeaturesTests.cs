using ContainerFactory.Agent.Containers;

namespace ContainerFactory.Agent.Tests.Containers;

public sealed class PublishedFeaturesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cf-published-").FullName;

    [Fact]
    public void Update_AddsAndRemovesInOneWrite_KeepingIdsAddedMeanwhile()
    {
        var features = new PublishedFeatures(Path.Combine(_directory, "state", "twin-features.json"));
        features.Add("a");
        features.Add("gone");
        features.Add("created-meanwhile");

        features.Update(["a", "b"], ["gone"]);

        Assert.Equal(["a", "b", "created-meanwhile"], features.Read().Order(StringComparer.Ordinal));
        Assert.Equal(["twin-features.json"], Directory.GetFiles(Path.Combine(_directory, "state")).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_CorruptFile_IsEmptyAndTheNextUpdateRewritesIt()
    {
        string file = Path.Combine(_directory, "twin-features.json");
        File.WriteAllText(file, "[\"a\"");
        var features = new PublishedFeatures(file);

        Assert.Empty(features.Read());
        features.Update(["b"], []);
        Assert.Equal(["b"], features.Read());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
