using System.Globalization;
using System.Text;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Builds the <c>binary://</c> log URI the agent passes as both stdout and stderr of <c>Tasks/Create</c>.
/// The shim runs the URI's path with the query as argv pairs in random order (containerd-notes §6), so the
/// subcommand cannot come first; instead the URI carries the flag <see cref="LogDriverArgs.Marker"/>, which the
/// CLI looks for among the pairs (<see cref="LogDriverArgs.IsShimInvocation"/>). No symlink or extra file is
/// needed, and the binary may live anywhere. Pure.
/// </summary>
public static class LogDriverUri
{
    /// <summary>
    /// <c>binary://&lt;binary&gt;?log-driver&amp;driver=json-file&amp;max-files=N&amp;max-size=S&amp;root-dir=D&amp;mode=M[&amp;max-buffer-size=S]</c>;
    /// for driver none only <c>?log-driver&amp;driver=none</c>. The buffer size appears only in non-blocking mode.
    /// Sizes use the largest exact unit (<c>100M</c>, <c>1536B</c>). Path segments and values are percent-encoded
    /// (RFC 3986 unreserved characters kept, so <c>/</c> in the root folder becomes <c>%2F</c> and <c>+</c> <c>%2B</c>).
    /// </summary>
    /// <param name="binaryPath">Absolute path of the container-factory binary (e.g. <c>Environment.ProcessPath</c>).</param>
    /// <param name="options">The driver options; the caller has validated them (see <see cref="LogDriverArgs.TryParse"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="binaryPath"/> is not absolute (a bug in the caller).</exception>
    public static string Build(string binaryPath, LogDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(binaryPath);
        ArgumentNullException.ThrowIfNull(options);
        if (!binaryPath.StartsWith('/'))
        {
            throw new ArgumentException($"the log driver binary path must be absolute: '{binaryPath}'", nameof(binaryPath));
        }

        var uri = new StringBuilder("binary://");
        foreach (string segment in binaryPath[1..].Split('/'))
        {
            uri.Append('/').Append(Uri.EscapeDataString(segment));
        }

        uri.Append('?').Append(LogDriverArgs.Marker);
        if (options.Driver == LogDriverType.None)
        {
            return Pair(uri, LogDriverArgs.DriverKey, "none").ToString();
        }

        Pair(uri, LogDriverArgs.DriverKey, "json-file");
        Pair(uri, LogDriverArgs.MaxFilesKey, options.MaxFiles.ToString(CultureInfo.InvariantCulture));
        Pair(uri, LogDriverArgs.MaxSizeKey, LogSizeText.Format(options.MaxSize));
        Pair(uri, LogDriverArgs.RootDirKey, options.RootDir);
        if (options.Mode == LogDeliveryMode.Blocking)
        {
            return Pair(uri, LogDriverArgs.ModeKey, "blocking").ToString();
        }

        Pair(uri, LogDriverArgs.ModeKey, "non-blocking");
        return Pair(uri, LogDriverArgs.MaxBufferSizeKey, LogSizeText.Format(options.MaxBufferSize)).ToString();
    }

    private static StringBuilder Pair(StringBuilder uri, string key, string value) =>
        uri.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
}
