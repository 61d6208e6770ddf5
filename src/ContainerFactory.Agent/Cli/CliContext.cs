using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Cli;

/// <summary>What a subcommand gets: its own arguments (global flags removed), the global flags and the standard streams.</summary>
/// <param name="Args">The subcommand's arguments, global flags taken out.</param>
/// <param name="Options">The global flags (PRODUCT.md §4).</param>
/// <param name="Stdin">Standard input.</param>
/// <param name="Stdout">Standard output: results.</param>
/// <param name="Stderr">Standard error: diagnostics.</param>
public sealed record CliContext(string[] Args, GlobalOptions Options, Stream Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>Loads the settings (file + flags); on failure prints the error and returns false.</summary>
    public bool TryLoadSettings(out AgentSettings settings)
    {
        if (SettingsLoader.TryLoad(Options, out settings, out string? error))
        {
            return true;
        }

        Stderr.WriteLine($"container-factory: {error}");
        return false;
    }
}
