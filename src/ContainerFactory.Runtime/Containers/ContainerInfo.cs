using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Containers;

/// <summary>A container as containerd knows it: its record and its task (null when there is none).</summary>
/// <param name="Record">The container record, with our labels and config extension.</param>
/// <param name="Task">The task, or null when the container has no task.</param>
public sealed record ContainerInfo(ContainerRecord Record, TaskProcess? Task)
{
    /// <summary>The container id.</summary>
    public string Id => Record.Id;

    /// <summary>The config document kept at create (empty when absent).</summary>
    public ReadOnlyMemory<byte> ConfigDocument =>
        Record.Extensions.TryGetValue(ContainerKeys.ConfigExtension, out ContainerExtension? e) ? e.Value : ReadOnlyMemory<byte>.Empty;

    /// <summary>A label value or null.</summary>
    public string? Label(string key) => Record.Labels.TryGetValue(key, out string? value) ? value : null;
}
