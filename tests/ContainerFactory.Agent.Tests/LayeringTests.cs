using System.Reflection;

namespace ContainerFactory.Agent.Tests;

/// <summary>Dependencies point down only (HOUSE-STYLE "Layout"): checked from the assemblies' references.</summary>
public class LayeringTests
{
    private static string[] OurReferences(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("ContainerFactory.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Protocol_ReferencesNoOtherLayer() => Assert.Empty(OurReferences("ContainerFactory.Protocol"));

    [Fact]
    public void Config_ReferencesNoOtherLayer() => Assert.Empty(OurReferences("ContainerFactory.Config"));

    [Fact]
    public void Agent_SeesTheLayersBelow()
    {
        string[] references = OurReferences("container-factory");
        Assert.Subset(new HashSet<string> { "ContainerFactory.Config", "ContainerFactory.Protocol", "ContainerFactory.Runtime" }, references.ToHashSet());
        Assert.Contains("ContainerFactory.Protocol", references);
        Assert.Contains("ContainerFactory.Config", references);
    }
}
