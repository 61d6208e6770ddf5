using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Runs CNI configuration lists the way libcni does (containerd-notes.md §7): ADD forward with each plugin's output as
/// the next one's <c>prevResult</c>; CHECK forward and DEL in reverse, both with the cached final result. Errors are
/// values naming the plugin, the command and the CNI code/message.
/// </summary>
public sealed class CniInvoker
{
    private readonly ICniPluginRunner _runner;
    private readonly string _binDir;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>Creates an invoker for the plugins in <paramref name="binDir"/> (also sent as <c>CNI_PATH</c>).</summary>
    public CniInvoker(ICniPluginRunner runner, string binDir, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrEmpty(binDir);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(logger);
        (_runner, _binDir, _timeout, _logger) = (runner, binDir, timeout, logger);
    }

    /// <summary>ADD every plugin in order; returns the last plugin's result verbatim. Stops at the first failure (no undo: the caller runs DEL).</summary>
    public async Task<RuntimeResult<JsonElement>> AddAsync(CniNetworkList list, CniAttachmentArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        JsonElement? previous = null;
        foreach (CniPluginConfig plugin in list.Plugins)
        {
            RuntimeResult<byte[]> output = await ExecAsync(list, plugin, CniCommand.Add, args, previous, cancellationToken).ConfigureAwait(false);
            if (!output.TryGetValue(out byte[]? stdout, out RuntimeError? error))
            {
                return error;
            }

            if (!TryParseResult(stdout, out JsonElement result))
            {
                return CniPluginError.BadOutput(plugin.Type, CniCommand.Add, $"not a JSON object: {Encoding.UTF8.GetString(stdout)}");
            }

            previous = result;
        }

        return previous is JsonElement final ? final : new RuntimeError(RuntimeErrorKind.InvalidArgument, $"network {list.Name} has no plugins");
    }

    /// <summary>CHECK every plugin in order with <paramref name="cachedResult"/>; the first failure is returned.</summary>
    public async Task<RuntimeResult> CheckAsync(CniNetworkList list, CniAttachmentArgs args, JsonElement cachedResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        foreach (CniPluginConfig plugin in list.Plugins)
        {
            RuntimeResult<byte[]> output = await ExecAsync(list, plugin, CniCommand.Check, args, cachedResult, cancellationToken).ConfigureAwait(false);
            if (!output.IsSuccess)
            {
                return output.WithoutValue();
            }
        }

        return RuntimeResult.Ok;
    }

    /// <summary>
    /// DEL every plugin in reverse with <paramref name="cachedResult"/> (null when nothing was cached). A failing plugin
    /// does not stop the others — an earlier failure must not keep the address or the masquerade rule allocated — and
    /// the first failure is returned. Plugins treat missing state as success, so DEL is idempotent.
    /// </summary>
    public async Task<RuntimeResult> DeleteAsync(CniNetworkList list, CniAttachmentArgs args, JsonElement? cachedResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        RuntimeResult first = RuntimeResult.Ok;
        for (int i = list.Plugins.Count - 1; i >= 0; i--)
        {
            RuntimeResult<byte[]> output = await ExecAsync(list, list.Plugins[i], CniCommand.Del, args, cachedResult, cancellationToken).ConfigureAwait(false);
            if (!output.IsSuccess && first.IsSuccess)
            {
                first = output.WithoutValue();
            }
        }

        return first;
    }

    /// <summary>Asks plugin <paramref name="type"/> which spec versions it supports (the agent's <c>check</c> uses it to find the plugins).</summary>
    public async Task<RuntimeResult<CniVersionResult>> VersionAsync(string type, CancellationToken cancellationToken)
    {
        var env = new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION", ["CNI_PATH"] = _binDir };
        byte[] stdin = """{"cniVersion":"1.0.0"}"""u8.ToArray();
        RuntimeResult<byte[]> output = await RunAsync(type, CniCommand.Version, "", env, stdin, cancellationToken).ConfigureAwait(false);
        if (!output.TryGetValue(out byte[]? stdout, out RuntimeError? error))
        {
            return error;
        }

        try
        {
            CniVersionResult? version = JsonSerializer.Deserialize(stdout, NetworkJson.Default.CniVersionResult);
            return version?.SupportedVersions is { Count: > 0 } ? version : CniPluginError.BadOutput(type, CniCommand.Version, "no supportedVersions");
        }
        catch (JsonException ex)
        {
            return CniPluginError.BadOutput(type, CniCommand.Version, ex.Message);
        }
    }

    private Task<RuntimeResult<byte[]>> ExecAsync(
        CniNetworkList list, CniPluginConfig plugin, CniCommand command, CniAttachmentArgs args, JsonElement? prevResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var env = new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = CniPluginError.Name(command),
            ["CNI_CONTAINERID"] = args.ContainerId,
            ["CNI_NETNS"] = args.NetnsPath,
            ["CNI_IFNAME"] = args.InterfaceName,
            ["CNI_ARGS"] = "",
            ["CNI_PATH"] = _binDir,
        };
        byte[] stdin = CniStdin.Serialize(CniStdin.Compose(list, plugin, prevResult, args.PortMappings));
        return RunAsync(plugin.Type, command, args.ContainerId, env, stdin, cancellationToken);
    }

    private async Task<RuntimeResult<byte[]>> RunAsync(
        string type, CniCommand command, string containerId, Dictionary<string, string> env, byte[] stdin, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(type) || type.Contains('/', StringComparison.Ordinal) || type is "." or "..")
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid cni plugin type \"{type}\"");
        }

        string path = Path.Combine(_binDir, type);
        long started = Stopwatch.GetTimestamp();
        CniExecOutcome outcome = await _runner.RunAsync(new CniExecRequest(path, env, stdin, _timeout), cancellationToken).ConfigureAwait(false);
        NetworkLog.PluginRan(_logger, type, CniPluginError.Name(command), containerId, outcome.ExitCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        RuntimeResult<byte[]> result = Interpret(type, path, command, outcome);
        if (result.Error is RuntimeError error)
        {
            NetworkLog.PluginFailed(_logger, type, CniPluginError.Name(command), containerId, error.Message);
        }

        return result;
    }

    private RuntimeResult<byte[]> Interpret(string type, string path, CniCommand command, CniExecOutcome outcome)
    {
        if (outcome.StartError is not null)
        {
            return CniPluginError.NotStarted(type, path, outcome.StartError);
        }

        if (outcome.TimedOut)
        {
            return CniPluginError.TimedOut(type, command, _timeout, outcome.Stderr);
        }

        if (outcome.ExitCode == 0)
        {
            return outcome.Stdout;
        }

        return TryParseError(outcome.Stdout, out CniErrorResponse? response)
            ? CniPluginError.FromResponse(type, command, response, outcome.Stderr)
            : CniPluginError.FromExit(type, command, outcome.ExitCode, Encoding.UTF8.GetString(outcome.Stdout), outcome.Stderr);
    }

    /// <summary>Parses a plugin's error object; false when stdout holds none (no <c>code</c>).</summary>
    internal static bool TryParseError(byte[] stdout, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CniErrorResponse? response)
    {
        response = null;
        try
        {
            response = stdout.Length == 0 ? null : JsonSerializer.Deserialize(stdout, NetworkJson.Default.CniErrorResponse);
        }
        catch (JsonException)
        {
            return false;
        }

        return response is { Code: > 0 };
    }

    /// <summary>Parses a plugin's result as a detached JSON object.</summary>
    internal static bool TryParseResult(byte[] stdout, out JsonElement result)
    {
        result = default;
        try
        {
            using JsonDocument document = JsonDocument.Parse(stdout);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            result = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
