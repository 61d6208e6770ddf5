namespace ContainerFactory.Runtime.Logs;

/// <summary>The container stream a log line came from; written as <c>"stream":"stdout"</c> or <c>"stderr"</c>.</summary>
public enum LogStream
{
    /// <summary>The container's standard output (the shim's fd 3).</summary>
    Stdout,

    /// <summary>The container's standard error (the shim's fd 4).</summary>
    Stderr,
}
