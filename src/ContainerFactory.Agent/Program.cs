using ContainerFactory.Agent.Cli;

namespace ContainerFactory.Agent;

internal static class Program
{
    private static Task<int> Main(string[] args) =>
        CliApp.RunAsync(args, Console.OpenStandardInput(), Console.Out, Console.Error);
}
