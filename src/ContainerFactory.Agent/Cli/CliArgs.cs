namespace ContainerFactory.Agent.Cli;

/// <summary>Option parsing shared by the local container commands: <c>--flag VALUE</c> or <c>--flag=VALUE</c>.</summary>
internal static class CliArgs
{
    /// <summary>
    /// True when <paramref name="args"/>[<paramref name="index"/>] is option <paramref name="flag"/>; its value is the
    /// text after <c>=</c> or the next argument (then <paramref name="index"/> moves past it). A missing value is null.
    /// </summary>
    public static bool IsOption(string[] args, ref int index, string flag, out string? value)
    {
        string arg = args[index];
        value = null;
        if (arg.Length > flag.Length && arg.StartsWith(flag, StringComparison.Ordinal) && arg[flag.Length] == '=')
        {
            value = arg[(flag.Length + 1)..];
            return true;
        }

        if (arg != flag)
        {
            return false;
        }

        if (index + 1 < args.Length)
        {
            value = args[++index];
        }

        return true;
    }

    /// <summary>Prints <c>&lt;command&gt;: &lt;problem&gt;; see 'container-factory &lt;command&gt; --help'</c> and returns exit code 2.</summary>
    public static int Usage(CliContext context, string command, string problem)
    {
        context.Stderr.WriteLine($"{command}: {problem}; see 'container-factory {command} --help'");
        return CliApp.UsageError;
    }

    /// <summary>
    /// Parses the arguments of a subcommand that takes exactly one container id (or name) and no options:
    /// prints <paramref name="help"/> for <c>-h</c>/<c>--help</c> (exit 0) and a usage error otherwise (exit 2).
    /// </summary>
    /// <returns>True with the id; false with the exit code to return.</returns>
    public static bool TryParseSingleId(CliContext context, string command, string help, out string id, out int exit)
    {
        id = "";
        exit = 0;
        foreach (string arg in context.Args)
        {
            if (arg is "-h" or "--help")
            {
                context.Stdout.Write(help);
                return false;
            }

            if (id.Length > 0 || arg.StartsWith('-'))
            {
                exit = Usage(context, command, $"unexpected argument '{arg}'");
                return false;
            }

            id = arg;
        }

        if (id.Length == 0)
        {
            exit = Usage(context, command, "an ID is required");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses the arguments of a listing subcommand: <c>-q</c>/<c>--quiet</c> and <c>-h</c>/<c>--help</c> only.
    /// </summary>
    /// <returns>True with <paramref name="quiet"/>; false with the exit code to return (0 after the help).</returns>
    public static bool TryParseQuiet(CliContext context, string command, string help, out bool quiet, out int exit)
    {
        quiet = false;
        exit = 0;
        foreach (string arg in context.Args)
        {
            switch (arg)
            {
                case "-h" or "--help":
                    context.Stdout.Write(help);
                    return false;
                case "-q" or "--quiet":
                    quiet = true;
                    break;
                default:
                    exit = Usage(context, command, $"unexpected argument '{arg}'");
                    return false;
            }
        }

        return true;
    }
}
