using Grpc.Core;
using EventsApi = ContainerFactory.Runtime.Containerd.Api.Events;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="IEventService"/> over containerd's Events service.</summary>
internal sealed class GrpcEventService(EventsApi.Events.EventsClient client, ContainerdCaller caller) : IEventService
{
    public async Task<RuntimeResult> SubscribeAsync(
        IReadOnlyList<string> filters, Func<ContainerdEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var request = new EventsApi.SubscribeRequest();
        request.Filters.AddRange(filters);
        try
        {
            using var call = client.Subscribe(request, caller.Unbounded(cancellationToken));
            await foreach (var envelope in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var value = new ContainerdEvent(
                    ProtoMapping.FromProto(envelope.Timestamp),
                    envelope.Namespace,
                    envelope.Topic,
                    envelope.Event?.TypeUrl ?? "",
                    envelope.Event?.Value.Memory ?? ReadOnlyMemory<byte>.Empty);
                await onEvent(value, cancellationToken).ConfigureAwait(false);
            }

            return RuntimeResult.Ok;
        }
        catch (RpcException e)
        {
            return caller.Fail("Events/Subscribe", e);
        }
    }
}
