namespace ContainerFactory.Runtime.Oci;

/// <summary>A host path bind-mounted into the container (type <c>bind</c>, options <c>rbind,&lt;propagation&gt;</c>).</summary>
/// <param name="Source">Host path.</param>
/// <param name="Destination">Absolute path in the container.</param>
/// <param name="Propagation">Mount propagation.</param>
public sealed record BindMount(string Source, string Destination, MountPropagation Propagation = MountPropagation.RPrivate)
{
    /// <summary>The mount option for <paramref name="propagation"/>: <c>rprivate</c>, <c>private</c>, <c>rshared</c>, <c>shared</c>, <c>rslave</c> or <c>slave</c>.</summary>
    public static string OptionOf(MountPropagation propagation) => propagation switch
    {
        MountPropagation.RPrivate => "rprivate",
        MountPropagation.Private => "private",
        MountPropagation.RShared => "rshared",
        MountPropagation.Shared => "shared",
        MountPropagation.RSlave => "rslave",
        MountPropagation.Slave => "slave",
        _ => throw new ArgumentOutOfRangeException(nameof(propagation), propagation, "unknown mount propagation"),
    };
}
