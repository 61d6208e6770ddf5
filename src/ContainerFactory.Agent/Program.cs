using ContainerFactory.Agent.Cli;

namespace ContainerFactory.Agent;

internal static class Program
{
    private static int Main(string[] args) =>
        CliApp.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error);
}
