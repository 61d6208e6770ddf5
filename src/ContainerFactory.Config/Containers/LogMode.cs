namespace ContainerFactory.Config.Containers;

/// <summary>How output is delivered to the log driver (kanto-protocol §3.4 <c>log.mode</c>).</summary>
public enum LogMode
{
    /// <summary><c>blocking</c>: the container waits for the driver; the default.</summary>
    Blocking,

    /// <summary><c>non-blocking</c>: output goes through a ring buffer of <see cref="LogConfig.MaxBufferSize"/> and may be dropped.</summary>
    NonBlocking,
}
