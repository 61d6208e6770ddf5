using System.Diagnostics.CodeAnalysis;
using EventTypes = ContainerFactory.Runtime.Containerd.Api.EventTypes;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// Decodes container event payloads (bare type URLs, compared as strings like <see cref="TaskEvents"/>). Never throws.
/// </summary>
public static class ContainerEvents
{
    /// <summary>Topic of a container record created.</summary>
    public const string CreateTopic = "/containers/create";

    /// <summary>Topic of a container record deleted.</summary>
    public const string DeleteTopic = "/containers/delete";

    /// <summary>Decodes a <c>/containers/create</c> payload into the container id; false for any other event.</summary>
    public static bool TryDecodeCreate(ContainerdEvent envelope, [NotNullWhen(true)] out string? containerId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        containerId = envelope.TypeUrl == ContainerdConstants.ContainerCreateTypeUrl
            && EventPayload.TryParse(EventTypes.ContainerCreate.Parser, envelope.Payload, out var message) ? message.Id : null;
        return containerId is not null;
    }

    /// <summary>Decodes a <c>/containers/delete</c> payload into the container id; false for any other event.</summary>
    public static bool TryDecodeDelete(ContainerdEvent envelope, [NotNullWhen(true)] out string? containerId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        containerId = envelope.TypeUrl == ContainerdConstants.ContainerDeleteTypeUrl
            && EventPayload.TryParse(EventTypes.ContainerDelete.Parser, envelope.Payload, out var message) ? message.Id : null;
        return containerId is not null;
    }
}
