namespace ContainerFactory.Config.Containers;

/// <summary>A Config-layer failure as a value.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">Human-readable text that ends with the JSON path in parentheses, e.g. <c>cannot decode value: expected object (value)</c>.</param>
public sealed record ConfigError(ConfigErrorKind Kind, string Message)
{
    /// <summary>
    /// An <see cref="ConfigErrorKind.InvalidConfig"/> error whose message lists every issue formatted with
    /// <see cref="ConfigIssue.Format"/>, in order, separated by <c>"; "</c>.
    /// </summary>
    /// <param name="issues">At least one issue.</param>
    public static ConfigError FromIssues(IReadOnlyList<ConfigIssue> issues) =>
        new(ConfigErrorKind.InvalidConfig, string.Join("; ", issues.Select(i => i.Format())));
}
