namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd wire constants: metadata header names and the bare Any type URLs (notes §1).</summary>
internal static class ContainerdConstants
{
    /// <summary>Metadata header carrying the namespace; its absence gives FAILED_PRECONDITION.</summary>
    public const string NamespaceHeader = "containerd-namespace";

    /// <summary>Metadata header carrying the lease id on calls that create content or snapshots.</summary>
    public const string LeaseHeader = "containerd-lease";

    /// <summary>Type URL of the OCI runtime spec in Container.spec (bare, no type.googleapis.com/ prefix).</summary>
    public const string SpecTypeUrl = "types.containerd.io/opencontainers/runtime-spec/1/Spec";

    /// <summary>
    /// Type URL of <c>UpdateTaskRequest.resources</c>: runtime-spec <c>LinuxResources</c> as JSON, bare, as containerd
    /// 1.6 registers it (runtime/typeurl.go); the runc shim unmarshals the value as that JSON.
    /// </summary>
    public const string LinuxResourcesTypeUrl = "types.containerd.io/opencontainers/runtime-spec/1/LinuxResources";

    /// <summary>Type URL of runc shim options; the prefixed form breaks Tasks/Create (notes §4.4).</summary>
    public const string RuncOptionsTypeUrl = "containerd.runc.v1.Options";

    /// <summary>
    /// Type URLs of the event payloads the agent decodes (bare message names). Kept as constants: reading them from the
    /// generated descriptors would pull Google.Protobuf's descriptor and reflection code into the binary.
    /// </summary>
    public const string TaskStartTypeUrl = "containerd.events.TaskStart";

    /// <summary>Type URL of a task exit event payload.</summary>
    public const string TaskExitTypeUrl = "containerd.events.TaskExit";

    /// <summary>Type URL of an out-of-memory event payload.</summary>
    public const string TaskOomTypeUrl = "containerd.events.TaskOOM";

    /// <summary>Type URL of a container create event payload.</summary>
    public const string ContainerCreateTypeUrl = "containerd.events.ContainerCreate";

    /// <summary>Type URL of a container delete event payload.</summary>
    public const string ContainerDeleteTypeUrl = "containerd.events.ContainerDelete";

    /// <summary>
    /// Largest chunk sent per Content/Write message. Grpc.Net.Client serializes every message into a buffer rented from
    /// <c>ArrayPool&lt;byte&gt;.Shared</c>, which keeps the buffers it hands out: with this size the whole message (5-byte
    /// frame header, action, offset and the chunk's length) fits the pool's 512 KiB bucket, the one the registry's copy
    /// buffer (<c>RegistryClient.CopyBufferSize</c>, the same size) comes from. ctr sends 1 MiB chunks; with those every
    /// message took a 2 MiB buffer, and a full collection after a 64 MiB pull found 11 MB live (4.4 MB with these).
    /// </summary>
    public const int WriteChunkSize = (512 * 1024) - 64;
}
