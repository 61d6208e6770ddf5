using System.Reflection;
using System.Runtime.InteropServices;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory version</c>: prints <c>container-factory &lt;version&gt; &lt;rid&gt;</c>.</summary>
public static class VersionCommand
{
    /// <summary>The product version (informational version without build metadata).</summary>
    public static string Version
    {
        get
        {
            string? informational = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            string version = informational ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>Prints the version line; exit code 0.</summary>
    public static int Run(CliContext context)
    {
        context.Stdout.WriteLine($"container-factory {Version} {RuntimeInformation.RuntimeIdentifier}");
        return 0;
    }
}
