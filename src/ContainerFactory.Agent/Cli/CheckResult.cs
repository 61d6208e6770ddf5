namespace ContainerFactory.Agent.Cli;

/// <summary>One line of <c>container-factory check</c>: what was checked, whether it is usable, and why.</summary>
/// <param name="Item">What was checked: <c>broker</c>, <c>containerd</c>, <c>bridge</c> or <c>cni</c>.</param>
/// <param name="Ok">True when the agent can use it as it is.</param>
/// <param name="Detail">What was found (endpoint, version, address) or what is wrong, for people.</param>
public sealed record CheckResult(string Item, bool Ok, string Detail)
{
    /// <summary>A usable item.</summary>
    public static CheckResult Pass(string item, string detail) => new(item, true, detail);

    /// <summary>An item the agent cannot use.</summary>
    public static CheckResult Fail(string item, string detail) => new(item, false, detail);

    /// <summary>The printed line: <c>ok</c> or <c>FAIL</c>, the item, the detail, in aligned columns.</summary>
    public override string ToString() => $"{(Ok ? "ok" : "FAIL"),-5} {Item,-11} {Detail}";
}
