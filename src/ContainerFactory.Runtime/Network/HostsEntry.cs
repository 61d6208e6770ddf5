namespace ContainerFactory.Runtime.Network;

/// <summary>One line of a hosts file: <c>&lt;Address&gt;\t&lt;Names&gt;</c>.</summary>
/// <param name="Address">e.g. <c>172.17.0.1</c>.</param>
/// <param name="Names">One or more names separated by a space, e.g. <c>web.example web</c>.</param>
public sealed record HostsEntry(string Address, string Names)
{
    /// <summary>The line as libnetwork writes it: address, a tab, the names, a newline.</summary>
    public override string ToString() => $"{Address}\t{Names}\n";
}
