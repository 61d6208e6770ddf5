namespace ContainerFactory.Runtime.Logs;

/// <summary>How output travels from the pipes to the file (kanto-protocol §7.6 <c>mode</c>).</summary>
public enum LogDeliveryMode
{
    /// <summary><c>blocking</c>: the pipe readers write the file themselves, so a slow disk slows the container; the default.</summary>
    Blocking,

    /// <summary>
    /// <c>non-blocking</c>: the readers only copy lines into a ring buffer of <see cref="LogDriverOptions.MaxBufferSize"/>
    /// bytes that one writer drains; when it is full the oldest lines are dropped, so the container never waits.
    /// </summary>
    NonBlocking,
}
