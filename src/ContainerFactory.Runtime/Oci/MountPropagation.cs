namespace ContainerFactory.Runtime.Oci;

/// <summary>Propagation of a bind mount, written as the lowercase mount option (<c>rprivate</c> …).</summary>
public enum MountPropagation
{
    /// <summary><c>rprivate</c> (Kanto's default).</summary>
    RPrivate,

    /// <summary><c>private</c>.</summary>
    Private,

    /// <summary><c>rshared</c>.</summary>
    RShared,

    /// <summary><c>shared</c>.</summary>
    Shared,

    /// <summary><c>rslave</c>.</summary>
    RSlave,

    /// <summary><c>slave</c>.</summary>
    Slave,
}
