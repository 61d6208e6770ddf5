using System.Text;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Logging;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Runtime;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// The gateway's containers for the local commands (create, start, stop, rm, ls, inspect, logs): the agent's own
/// composition (<see cref="AgentRuntime"/>, no MQTT) with the views loaded from containerd, so that a command typed
/// on the gateway runs exactly the code a cloud command runs. Failures are printed as <c>&lt;command&gt;: &lt;message&gt;</c>.
/// </summary>
internal sealed class LocalContainers : IDisposable
{
    private readonly CliContext _context;
    private readonly string _command;
    private readonly StderrLoggerFactory _logs;
    private readonly AgentRuntime _runtime;

    private LocalContainers(CliContext context, string command, AgentSettings settings)
    {
        _context = context;
        _command = command;
        _logs = new StderrLoggerFactory(settings.Log.Level == "debug" ? LogLevel.Debug : LogLevel.Error, context.Stderr);
        _runtime = new AgentRuntime(settings, transport: null, _logs);
    }

    /// <summary>The container service, views loaded.</summary>
    public ContainerService Containers => _runtime.Containers;

    /// <summary>Where container files live.</summary>
    public ContainerPaths Paths => _runtime.Paths;

    /// <summary>
    /// Loads the settings and the containers; null with exit code 2 for bad settings, 1 when containerd
    /// cannot be asked (the reason printed).
    /// </summary>
    public static async Task<(LocalContainers? Containers, int Exit)> OpenAsync(CliContext context, string command)
    {
        if (!context.TryLoadSettings(out AgentSettings settings))
        {
            return (null, CliApp.UsageError);
        }

        var local = new LocalContainers(context, command, settings);
        RuntimeResult loaded = await local.Containers.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        if (!loaded.IsSuccess)
        {
            local.Dispose();
            context.Stderr.WriteLine($"{command}: {loaded.Error!.Message}");
            return (null, 1);
        }

        return (local, 0);
    }

    /// <summary>The container with id <paramref name="idOrName"/>, else the only one named so; prints why not and returns null.</summary>
    public ContainerView? Find(string idOrName)
    {
        if (Containers.Find(idOrName) is { } byId)
        {
            return byId;
        }

        ContainerView[] named = [.. Containers.Views.Where(v => v.Config.Name == idOrName)];
        switch (named.Length)
        {
            case 1:
                return named[0];
            case 0:
                _context.Stderr.WriteLine($"{_command}: no such container with id = {idOrName} exists");
                return null;
            default:
                _context.Stderr.WriteLine($"{_command}: {named.Length} containers are named {idOrName}; use an id ({string.Join(", ", named.Select(v => v.Id))})");
                return null;
        }
    }

    /// <summary>Runs Container operation <paramref name="operation"/> with JSON <paramref name="value"/>; prints the id (exit 0) or the error (exit 1).</summary>
    public async Task<int> OperateAsync(ContainerView view, string operation, DittoValueKind kind, string value)
    {
        var command = new ContainerOperationCommand(NewReply(), view.Id, operation, kind, Encoding.UTF8.GetBytes(value));
        CommandOutcome outcome = await Containers.ExecuteAsync(command, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            return Fail(error);
        }

        _context.Stdout.WriteLine(view.Id);
        return 0;
    }

    /// <summary>Prints the error as the agent would reply it (message, then further issues) and returns exit code 1.</summary>
    public int Fail(CommandError error) => Fail(_context, _command, error);

    /// <inheritdoc cref="Fail(CommandError)"/>
    public static int Fail(CliContext context, string command, CommandError error)
    {
        context.Stderr.WriteLine($"{command}: {error.Message}");
        if (error.Description is { Length: > 0 } more)
        {
            context.Stderr.WriteLine($"{command}: also: {more}");
        }

        return 1;
    }

    /// <summary>A reply context that replies nowhere, with a fresh correlation id (a local command is never a redelivery).</summary>
    public static ReplyContext NewReply() => new(default, "", "", Guid.NewGuid().ToString());

    /// <inheritdoc />
    public void Dispose()
    {
        _runtime.Dispose();
        _logs.Dispose();
    }
}
