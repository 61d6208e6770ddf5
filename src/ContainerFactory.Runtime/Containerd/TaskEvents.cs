using System.Diagnostics.CodeAnalysis;
using EventTypes = ContainerFactory.Runtime.Containerd.Api.EventTypes;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// Decodes task event payloads. containerd's type URLs are bare (<c>containerd.events.TaskExit</c>), which
/// Google.Protobuf's <c>Any.TryUnpack</c> cannot read, so the URL is compared as a string (notes §1). Never throws.
/// </summary>
public static class TaskEvents
{
    /// <summary>Topic of <see cref="TaskExitEvent"/>.</summary>
    public const string ExitTopic = "/tasks/exit";

    /// <summary>Topic of an out-of-memory kill (it arrives just before the exit).</summary>
    public const string OomTopic = "/tasks/oom";

    /// <summary>Topic of a task start (its init process runs).</summary>
    public const string StartTopic = "/tasks/start";

    /// <summary>Decodes a <c>/tasks/start</c> payload into the container id and the init process id; false for any other event.</summary>
    public static bool TryDecodeStart(ContainerdEvent envelope, [NotNullWhen(true)] out string? containerId, out uint pid)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        containerId = null;
        pid = 0;
        if (envelope.TypeUrl != ContainerdConstants.TaskStartTypeUrl || !EventPayload.TryParse(EventTypes.TaskStart.Parser, envelope.Payload, out var message))
        {
            return false;
        }

        (containerId, pid) = (message.ContainerId, message.Pid);
        return true;
    }

    /// <summary>Decodes a <c>/tasks/exit</c> payload; false for any other event or a malformed payload.</summary>
    public static bool TryDecodeExit(ContainerdEvent envelope, [NotNullWhen(true)] out TaskExitEvent? exit)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        exit = null;
        if (envelope.TypeUrl != ContainerdConstants.TaskExitTypeUrl || !EventPayload.TryParse(EventTypes.TaskExit.Parser, envelope.Payload, out var message))
        {
            return false;
        }

        exit = new TaskExitEvent(message.ContainerId, message.Id, message.Pid, message.ExitStatus, ProtoMapping.FromProto(message.ExitedAt));
        return true;
    }

    /// <summary>Decodes a <c>/tasks/oom</c> payload into its container id; false for any other event.</summary>
    public static bool TryDecodeOom(ContainerdEvent envelope, [NotNullWhen(true)] out string? containerId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        containerId = null;
        if (envelope.TypeUrl != ContainerdConstants.TaskOomTypeUrl || !EventPayload.TryParse(EventTypes.TaskOOM.Parser, envelope.Payload, out var message))
        {
            return false;
        }

        containerId = message.ContainerId;
        return true;
    }
}
