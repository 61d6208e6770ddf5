using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Registry;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>
/// A containerd namespace of the test stack that only one test class uses (<c>cftest-&lt;8 hex&gt;</c>), with a client
/// for it. Disposal removes its images (collecting their blobs and snapshots), its leases and the namespace.
/// </summary>
public sealed class ContainerdNamespace : IAsyncLifetime
{
    private readonly List<IDisposable> _owned = [];

    public ContainerdNamespace()
    {
        Name = $"cftest-{Guid.NewGuid():N}"[..15];
        Options = new ContainerdOptions
        {
            Socket = TestEnvironment.Current.ContainerdSocket,
            Namespace = Name,
            Snapshotter = TestEnvironment.Current.Snapshotter,
        };
        Client = new ContainerdClient(Options);
    }

    public string Name { get; }

    public ContainerdOptions Options { get; }

    public ContainerdClient Client { get; }

    /// <summary>A puller into this namespace with its own registry client (disposed with the namespace).</summary>
    public ImagePuller Puller(RegistryClientOptions? registries = null, ILoggerFactory? logging = null)
    {
        var registry = new RegistryClient(registries ?? new RegistryClientOptions());
        lock (_owned)
        {
            _owned.Add(registry);
        }

        return new ImagePuller(Client, registry, logging);
    }

    /// <summary>Deletes every image record (the last one with a synchronous collection) and every lease.</summary>
    public async Task ResetAsync()
    {
        var images = (await Client.Images.ListAsync()).Value;
        for (var i = 0; i < images.Count; i++)
        {
            await Client.Images.DeleteAsync(images[i].Name, sync: i == images.Count - 1);
        }

        foreach (var lease in (await Client.Leases.ListAsync()).Value)
        {
            await Client.Leases.DeleteAsync(lease.Id, sync: true);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ResetAsync();
        await Ctr.RunAsync(Name, "namespaces", "rm", Name);
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Client.Dispose();
    }
}
