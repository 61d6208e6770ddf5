using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Reads <see cref="LogDriverOptions"/> back out of the argv containerd's shim builds from the <c>binary://</c> URI
/// (containerd-notes §6): each query key followed by its first value, a key without value followed by <c>""</c>,
/// in Go map order — so the pairs come in any order. Pure; never throws.
/// </summary>
public static class LogDriverArgs
{
    /// <summary>
    /// The key that marks a log-driver invocation. The agent's URIs carry it as a flag (<c>?log-driver&amp;…</c>),
    /// so the shim passes <c>log-driver ""</c> somewhere among the pairs; <see cref="IsShimInvocation"/> finds it
    /// wherever it lands. It is also the CLI subcommand name.
    /// </summary>
    public const string Marker = "log-driver";

    /// <summary>Key of <see cref="LogDriverOptions.Driver"/>: <c>json-file</c> or <c>none</c>.</summary>
    public const string DriverKey = "driver";

    /// <summary>Key of <see cref="LogDriverOptions.MaxFiles"/>: a decimal integer ≥ 1.</summary>
    public const string MaxFilesKey = "max-files";

    /// <summary>Key of <see cref="LogDriverOptions.MaxSize"/>: a size string such as <c>100M</c>.</summary>
    public const string MaxSizeKey = "max-size";

    /// <summary>Key of <see cref="LogDriverOptions.RootDir"/>: an absolute path.</summary>
    public const string RootDirKey = "root-dir";

    /// <summary>Key of <see cref="LogDriverOptions.Mode"/>: <c>blocking</c> or <c>non-blocking</c>.</summary>
    public const string ModeKey = "mode";

    /// <summary>Key of <see cref="LogDriverOptions.MaxBufferSize"/>: a size string such as <c>1M</c>.</summary>
    public const string MaxBufferSizeKey = "max-buffer-size";

    /// <summary>
    /// True when <paramref name="args"/> (argv without the program path) is an even list of pairs with the key
    /// <see cref="Marker"/> and an empty value at a key position — the shape the shim produces for our URIs.
    /// </summary>
    public static bool IsShimInvocation(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count % 2 != 0)
        {
            return false;
        }

        for (int i = 0; i < args.Count; i += 2)
        {
            if (args[i] == Marker && args[i + 1].Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses key/value pairs in any order on top of <see cref="LogDriverOptions.Default"/>. The <see cref="Marker"/>
    /// pair is skipped. Fails on an odd count, an unknown or repeated key, a missing value, an unknown driver or mode,
    /// a count or size below 1, a malformed size, or a relative root folder.
    /// </summary>
    /// <param name="args">The pairs, e.g. <c>["mode", "blocking", "log-driver", "", "max-size", "1m"]</c>.</param>
    /// <param name="options">The options when the result is true; null otherwise.</param>
    /// <param name="error">One line naming the offending key and value when the result is false.</param>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out LogDriverOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        if (args.Count % 2 != 0)
        {
            error = $"expected KEY VALUE pairs, got {args.Count} arguments";
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        LogDriverOptions result = LogDriverOptions.Default;
        for (int i = 0; i < args.Count; i += 2)
        {
            (string key, string value) = (args[i], args[i + 1]);
            if (!seen.Add(key))
            {
                error = $"key '{key}' given twice";
                return false;
            }

            if (key != Marker && !TryApply(result, key, value, out result, out error))
            {
                return false;
            }
        }

        options = result;
        error = null;
        return true;
    }

    private static bool TryApply(
        LogDriverOptions o, string key, string value, out LogDriverOptions result, [NotNullWhen(false)] out string? error)
    {
        (result, error) = key switch
        {
            DriverKey or ModeKey or MaxFilesKey or MaxSizeKey or MaxBufferSizeKey or RootDirKey when value.Length == 0 =>
                (o, $"'{key}' needs a value"),
            DriverKey => value switch
            {
                "json-file" => (o with { Driver = LogDriverType.JsonFile }, null),
                "none" => (o with { Driver = LogDriverType.None }, null),
                _ => (o, $"unsupported {key} '{value}' (json-file or none)"),
            },
            ModeKey => value switch
            {
                "blocking" => (o with { Mode = LogDeliveryMode.Blocking }, null),
                "non-blocking" => (o with { Mode = LogDeliveryMode.NonBlocking }, null),
                _ => (o, $"unsupported {key} '{value}' (blocking or non-blocking)"),
            },
            MaxFilesKey => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int files) && files >= 1
                ? (o with { MaxFiles = files }, null)
                : (o, $"invalid {key} '{value}' (an integer ≥ 1)"),
            MaxSizeKey => LogSizeText.TryParse(value, out long size) && size >= 1
                ? (o with { MaxSize = size }, null)
                : (o, $"invalid {key} '{value}' (a size ≥ 1B such as 100M)"),
            MaxBufferSizeKey => LogSizeText.TryParse(value, out long buffer) && buffer >= 1
                ? (o with { MaxBufferSize = buffer }, null)
                : (o, $"invalid {key} '{value}' (a size ≥ 1B such as 1M)"),
            RootDirKey => value.StartsWith('/')
                ? (o with { RootDir = value }, null)
                : (o, $"invalid {key} '{value}' (an absolute path)"),
            _ => (o, $"unknown key '{key}'"),
        };
        return error is null;
    }
}
