using ContainerFactory.Agent.Identity;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Containers;

/// <content>The whole twin, published on every (re)connect.</content>
public sealed partial class ContainerService
{
    /// <summary>
    /// Publishes the ContainerFactory feature and every Container feature from containerd's real state, and deletes
    /// the features of containers that no longer exist (PRODUCT.md §2.4).
    /// <para>
    /// Commands run while this goes on (a reconnect delivers the commands queued for the session at once). The
    /// containers are listed before the ContainerFactory feature goes out, each feature is published as it is when its
    /// turn comes, and only features of containers gone by then are deleted: a container that a command creates or
    /// removes meanwhile keeps what that command published. The view is read in the container's twin order (see
    /// <see cref="InTwinOrderAsync"/>), so a feature never goes out after a newer update or after its delete.
    /// </para>
    /// </summary>
    public async Task PublishTwinAsync(ThingIdentity identity, CancellationToken cancellationToken)
    {
        _twin.Identity = identity;
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        string[] ids = [.. _views.Values.OrderBy(v => v.CreatedAt).Select(v => v.Id)];
        await _twin.PublishFactoryAsync(cancellationToken).ConfigureAwait(false);
        var published = new List<string>(ids.Length);
        foreach (string id in ids)
        {
            await InTwinOrderAsync(id, async () =>
            {
                if (Find(id) is { } view)
                {
                    await _twin.PublishFeatureAsync(view, cancellationToken).ConfigureAwait(false);
                    published.Add(id);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        var gone = new List<string>();
        foreach (string id in _published.Read())
        {
            await InTwinOrderAsync(id, async () =>
            {
                if (!Exists(id) && _published.Read().Contains(id)) // not deleted by a remove meanwhile
                {
                    await _twin.DeleteFeatureAsync(DittoConstants.ContainerFeaturePrefix + id, cancellationToken).ConfigureAwait(false);
                    gone.Add(id);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        _published.Update(published.Where(Exists), gone); // less what a remove took out meanwhile
    }

    /// <summary>
    /// Runs <paramref name="publish"/> — the twin messages of container <paramref name="id"/> — after the ones made
    /// before it for that container have gone out. Without it a message could overtake another on its way to the
    /// broker: the sync's feature, read before a remove, published after that remove's delete (the feature came back),
    /// or a pull's CREATING progress after the container's CREATED. The gates are striped by id (a few containers share
    /// one); a publish never waits on anything but the broker.
    /// </summary>
    private async Task InTwinOrderAsync(string id, Func<Task> publish, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _twinOrder[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_twinOrder.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await publish().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Publishes the whole feature of a container new to the twin, then its state, and records it as published.</summary>
    private Task PublishWholeAsync(ContainerView view, CancellationToken cancellationToken) =>
        InTwinOrderAsync(view.Id, async () =>
        {
            await _twin.PublishFeatureAsync(view, cancellationToken).ConfigureAwait(false);
            await _twin.PublishStateAsync(view, cancellationToken).ConfigureAwait(false);
            _published.Add(view.Id);
        }, cancellationToken);

    private readonly SemaphoreSlim[] _twinOrder = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];
}
