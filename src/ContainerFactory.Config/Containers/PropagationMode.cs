namespace ContainerFactory.Config.Containers;

/// <summary>Mount propagation of a bind mount (kanto-protocol §3.4 <c>mountPoints[].propagationMode</c>).</summary>
public enum PropagationMode
{
    /// <summary><c>rprivate</c>, the default.</summary>
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
