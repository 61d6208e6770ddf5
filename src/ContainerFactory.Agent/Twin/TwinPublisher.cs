using System.Buffers;
using System.Text.Json;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Identity;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Twin;

/// <summary>
/// Publishes twin modify/delete commands on <c>e/&lt;tenant&gt;/&lt;thingId&gt;</c> (kanto-protocol §2.7, §4.4), each with a
/// fresh correlation id. Before the identity is known nothing is published: the full twin is sent on every connect.
/// A failed publish is logged; the next connect re-publishes everything. Without a transport (the local CLI) nothing
/// is published: the agent re-publishes the real state when it next connects.
/// </summary>
public sealed class TwinPublisher(IMqttTransport? transport, ILogger logger)
{
    private volatile ThingIdentity? _identity;

    /// <summary>The identity twin messages are addressed with; set on every connect.</summary>
    public ThingIdentity? Identity
    {
        get => _identity;
        set => _identity = value;
    }

    /// <summary>Publishes the ContainerFactory feature.</summary>
    public Task PublishFactoryAsync(CancellationToken cancellationToken) =>
        ModifyAsync(DittoPath.Feature(DittoConstants.ContainerFactoryFeature), 0, static (w, _) => TwinJson.WriteFactoryFeature(w), cancellationToken);

    /// <summary>Publishes the whole Container feature of <paramref name="view"/>.</summary>
    public Task PublishFeatureAsync(ContainerView view, CancellationToken cancellationToken) =>
        ModifyAsync(DittoPath.Feature(view.FeatureId), view, static (w, v) => TwinJson.WriteContainerFeature(w, v.Config, v.CreatedAt, v.State), cancellationToken);

    /// <summary>Publishes <c>status/state</c> of a container feature.</summary>
    public Task PublishStateAsync(ContainerView view, CancellationToken cancellationToken) =>
        ModifyAsync(DittoPath.FeatureProperty(view.FeatureId, "status/state"), view.State, TwinJson.WriteState, cancellationToken);

    /// <summary>Publishes <c>status/name</c> of a container feature.</summary>
    public Task PublishNameAsync(ContainerView view, CancellationToken cancellationToken) =>
        ModifyAsync(DittoPath.FeatureProperty(view.FeatureId, "status/name"), view.Config.Name, static (w, n) => w.WriteStringValue(n), cancellationToken);

    /// <summary>Publishes <c>status/config</c> of a container feature.</summary>
    public Task PublishConfigAsync(ContainerView view, CancellationToken cancellationToken) =>
        ModifyAsync(DittoPath.FeatureProperty(view.FeatureId, "status/config"), view.Config, ContainerConfigJson.Write, cancellationToken);

    /// <summary>Deletes the feature <paramref name="featureId"/>.</summary>
    public Task DeleteFeatureAsync(string featureId, CancellationToken cancellationToken) =>
        PublishAsync(thing =>
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            DittoWriter.WriteTwinDelete(buffer, thing, DittoPath.Feature(featureId), Guid.NewGuid().ToString());
            return buffer.WrittenMemory;
        }, cancellationToken);

    private Task ModifyAsync<TState>(string path, TState state, Action<Utf8JsonWriter, TState> write, CancellationToken cancellationToken) =>
        PublishAsync(thing =>
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            DittoWriter.WriteTwinModify(buffer, thing, path, Guid.NewGuid().ToString(), state, write);
            return buffer.WrittenMemory;
        }, cancellationToken);

    private async Task PublishAsync(Func<DittoThingId, ReadOnlyMemory<byte>> payload, CancellationToken cancellationToken)
    {
        ThingIdentity? identity = _identity;
        if (identity is null || transport is not { IsConnected: true } || !DittoThingId.TryParse(identity.ThingId, out DittoThingId thing))
        {
            return;
        }

        string topic = HonoTopics.Event(identity.TenantId, identity.ThingId);
        try
        {
            await transport.PublishAsync(topic, payload(thing), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TwinLog.PublishFailed(logger, topic, e.Message);
        }
    }
}
