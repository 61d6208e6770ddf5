namespace ContainerFactory.IntegrationTests.Network;

/// <summary>Every network test shares one bed and runs one at a time (they all use the same bridge).</summary>
[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<NetworkTestBed>
{
    public const string Name = "Network";
}
