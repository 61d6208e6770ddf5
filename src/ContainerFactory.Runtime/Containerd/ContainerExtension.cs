namespace ContainerFactory.Runtime.Containerd;

/// <summary>An opaque value stored in a container record's extensions (an Any with a bare type URL).</summary>
/// <param name="TypeUrl">Bare type name chosen by the writer, e.g. <c>container-factory.v1.State</c>.</param>
/// <param name="Value">The payload bytes.</param>
public sealed record ContainerExtension(string TypeUrl, ReadOnlyMemory<byte> Value);
