using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Tests;

public sealed class LayeringTests
{
    [Fact]
    public void ConfigAssembly_References_OnlyTheFramework()
    {
        var references = typeof(ContainerConfig).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(references, name => name.StartsWith("ContainerFactory.", StringComparison.Ordinal));
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal), name));
    }
}
