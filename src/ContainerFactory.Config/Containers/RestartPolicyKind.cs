namespace ContainerFactory.Config.Containers;

/// <summary>When a container that exited is started again (kanto-protocol §3.4, §7.5).</summary>
public enum RestartPolicyKind
{
    /// <summary><c>no</c>: never restarted.</summary>
    No,

    /// <summary><c>always</c>: always restarted, even after a manual stop (Kanto semantics).</summary>
    Always,

    /// <summary><c>on-failure</c>: restarted after a non-zero exit, at most <see cref="RestartPolicy.MaxRetryCount"/> times (0 = unlimited).</summary>
    OnFailure,

    /// <summary><c>unless-stopped</c>: restarted unless it was stopped manually; the default.</summary>
    UnlessStopped,
}
