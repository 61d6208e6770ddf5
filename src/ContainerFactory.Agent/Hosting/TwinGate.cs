using ContainerFactory.Agent.Identity;

namespace ContainerFactory.Agent.Hosting;

/// <summary>
/// Holds the twin back until the containers have been read from containerd (PRODUCT.md §2.4: the twin is published
/// from containerd's real state, and features of containers not seen are deleted — so publishing before the read
/// would delete every feature). Until then a (re)connect only hands the identity on, so that the agent serves
/// commands meanwhile (those needing containerd are answered 503, §2.3); once read, the twin of the latest identity
/// is published. Thread-safe.
/// </summary>
/// <param name="publishTwin">Publishes the whole twin for an identity.</param>
/// <param name="useIdentity">Takes the identity without publishing (so that container events are addressed).</param>
public sealed class TwinGate(Func<ThingIdentity, CancellationToken, Task> publishTwin, Action<ThingIdentity> useIdentity)
{
    private readonly Lock _gate = new();
    private bool _loaded;
    private ThingIdentity? _pending;

    /// <summary>Publishes the twin for <paramref name="identity"/>, or keeps it for <see cref="OpenAsync"/> when the containers are not read yet.</summary>
    public Task PublishTwinAsync(ThingIdentity identity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_loaded)
            {
                _pending = identity;
                useIdentity(identity);
                return Task.CompletedTask;
            }
        }

        return publishTwin(identity, cancellationToken);
    }

    /// <summary>The containers are read: publishes the twin of the identity kept meanwhile, if any; later calls publish at once.</summary>
    public Task OpenAsync(CancellationToken cancellationToken)
    {
        ThingIdentity? pending;
        lock (_gate)
        {
            _loaded = true;
            pending = _pending;
            _pending = null;
        }

        return pending is null ? Task.CompletedTask : publishTwin(pending, cancellationToken);
    }
}
