namespace ContainerFactory.Config.Containers;

/// <summary>One validation finding.</summary>
/// <param name="Message">Kanto's exact text where Kanto has the rule (e.g. <c>minimum memory allowed is 3M</c>), our own otherwise.</param>
/// <param name="Path">Dotted JSON path inside the operation's value, e.g. <c>config.resources.memory</c>, <c>config.mountPoints[0]</c>; <c>value</c> for the value itself.</param>
public sealed record ConfigIssue(string Message, string Path)
{
    /// <summary>The issue as one line, <c>&lt;message&gt; (&lt;path&gt;)</c>, e.g. <c>minimum memory allowed is 3M (config.resources.memory)</c>.</summary>
    public string Format() => $"{Message} ({Path})";
}
