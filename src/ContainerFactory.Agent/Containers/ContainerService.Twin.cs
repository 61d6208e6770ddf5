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
    /// removes meanwhile keeps what that command published.
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
            if (Find(id) is { } view)
            {
                await _twin.PublishFeatureAsync(view, cancellationToken).ConfigureAwait(false);
                published.Add(id);
            }
        }

        string[] gone = [.. _published.Read().Where(id => !Exists(id))];
        foreach (string id in gone)
        {
            await _twin.DeleteFeatureAsync(DittoConstants.ContainerFeaturePrefix + id, cancellationToken).ConfigureAwait(false);
        }

        _published.Update(published, gone);
    }
}
