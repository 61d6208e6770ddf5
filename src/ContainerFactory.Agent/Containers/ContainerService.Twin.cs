using ContainerFactory.Agent.Identity;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Containers;

/// <content>The whole twin, published on every (re)connect.</content>
public sealed partial class ContainerService
{
    /// <summary>
    /// Publishes the ContainerFactory feature and every Container feature from containerd's real state, and deletes
    /// the features of containers that no longer exist (PRODUCT.md §2.4).
    /// </summary>
    public async Task PublishTwinAsync(ThingIdentity identity, CancellationToken cancellationToken)
    {
        _twin.Identity = identity;
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        await _twin.PublishFactoryAsync(cancellationToken).ConfigureAwait(false);
        ContainerView[] views = [.. _views.Values.OrderBy(v => v.CreatedAt)];
        foreach (ContainerView view in views)
        {
            await _twin.PublishFeatureAsync(view, cancellationToken).ConfigureAwait(false);
        }

        foreach (string gone in _published.Read().Except(views.Select(v => v.Id), StringComparer.Ordinal))
        {
            await _twin.DeleteFeatureAsync(DittoConstants.ContainerFeaturePrefix + gone, cancellationToken).ConfigureAwait(false);
        }

        _published.Replace(views.Select(v => v.Id));
    }
}
