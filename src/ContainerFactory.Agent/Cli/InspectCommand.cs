using System.Text.Json;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Twin;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory inspect ID</c>: the Container feature's <c>status</c> as the twin shows it.</summary>
public static class InspectCommand
{
    private const string Name = "inspect";

    private const string Help = """
        Usage: container-factory inspect ID|NAME

        Prints the container's status exactly as the agent reports it in the Container:<id> feature's "status"
        property (name, imageRef, config with every default, createdAt, state), indented. Exit 0, 1 when there is no
        such container or containerd cannot be asked, 2 on a usage error.

        Options:
          -h, --help   this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CliArgs.TryParseSingleId(context, Name, Help, out string target, out int usage))
        {
            return usage;
        }

        (LocalContainers? local, int exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        using (local)
        {
            if (local?.Find(target) is not ContainerView view)
            {
                return local is null ? exit : 1;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, CliJson.Pretty))
            {
                TwinJson.WriteContainerStatus(writer, view.Config, view.CreatedAt, view.State);
            }

            context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            return 0;
        }
    }
}
