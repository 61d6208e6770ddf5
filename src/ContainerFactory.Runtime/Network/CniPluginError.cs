namespace ContainerFactory.Runtime.Network;

/// <summary>Turns a failed plugin execution into a <see cref="RuntimeError"/> that names the plugin, the command and the CNI code and message. Pure.</summary>
public static class CniPluginError
{
    private const int MaxStderr = 400;

    /// <summary>
    /// Maps the CNI error code to a kind: 1, 2, 4, 5, 6, 7 → <see cref="RuntimeErrorKind.InvalidArgument"/>;
    /// 3 → <see cref="RuntimeErrorKind.NotFound"/>; 11 → <see cref="RuntimeErrorKind.Unavailable"/>; others (100+, 999)
    /// → <see cref="RuntimeErrorKind.Internal"/>.
    /// </summary>
    public static RuntimeErrorKind KindOf(int code) => code switch
    {
        1 or 2 or 4 or 5 or 6 or 7 => RuntimeErrorKind.InvalidArgument,
        3 => RuntimeErrorKind.NotFound,
        11 => RuntimeErrorKind.Unavailable,
        _ => RuntimeErrorKind.Internal,
    };

    /// <summary><c>cni plugin bridge ADD failed: code 7: msg (details)</c>, plus stderr's last line(s) when any.</summary>
    public static RuntimeError FromResponse(string plugin, CniCommand command, CniErrorResponse response, string stderr)
    {
        ArgumentNullException.ThrowIfNull(response);
        string details = string.IsNullOrEmpty(response.Details) ? "" : $" ({response.Details})";
        return new RuntimeError(
            KindOf(response.Code),
            $"cni plugin {plugin} {Name(command)} failed: code {response.Code}: {response.Msg}{details}{StderrSuffix(stderr)}");
    }

    /// <summary>A plugin that exited non-zero without an error object on stdout.</summary>
    public static RuntimeError FromExit(string plugin, CniCommand command, int exitCode, string stdout, string stderr) => new(
        RuntimeErrorKind.Internal,
        $"cni plugin {plugin} {Name(command)} exited with {exitCode} and no error object: {Clip(stdout)}{StderrSuffix(stderr)}");

    /// <summary>A plugin that passed its deadline and was killed.</summary>
    public static RuntimeError TimedOut(string plugin, CniCommand command, TimeSpan timeout, string stderr) => new(
        RuntimeErrorKind.DeadlineExceeded,
        $"cni plugin {plugin} {Name(command)} did not finish within {timeout.TotalSeconds:0.###} s and was killed{StderrSuffix(stderr)}");

    /// <summary>A plugin that could not be started.</summary>
    public static RuntimeError NotStarted(string plugin, string path, string reason) => new(
        RuntimeErrorKind.NotFound,
        $"cni plugin {plugin} cannot be run from {path}: {reason}");

    /// <summary>A plugin that succeeded but printed something that is not the expected JSON.</summary>
    public static RuntimeError BadOutput(string plugin, CniCommand command, string problem) => new(
        RuntimeErrorKind.Internal,
        $"cni plugin {plugin} {Name(command)} printed an unusable result: {problem}");

    /// <summary>The <c>CNI_COMMAND</c> spelling: ADD, CHECK, DEL, VERSION.</summary>
    public static string Name(CniCommand command) => command switch
    {
        CniCommand.Add => "ADD",
        CniCommand.Check => "CHECK",
        CniCommand.Del => "DEL",
        CniCommand.Version => "VERSION",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static string StderrSuffix(string stderr)
    {
        string trimmed = stderr.Trim();
        return trimmed.Length == 0 ? "" : $"; stderr: {Clip(trimmed)}";
    }

    private static string Clip(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length <= MaxStderr ? trimmed : "…" + trimmed[^MaxStderr..];
    }
}
