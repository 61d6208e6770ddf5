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
}
