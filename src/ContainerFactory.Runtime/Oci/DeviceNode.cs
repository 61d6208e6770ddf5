namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The facts of one device node as <c>stat</c> reports them; filled by <see cref="DeviceProbe"/> (the I/O edge)
/// or given directly in tests.
/// </summary>
/// <param name="Path">Path of the node (on the host when probed).</param>
/// <param name="Type">Character or block.</param>
/// <param name="Major">Major number, ≥ 0.</param>
/// <param name="Minor">Minor number, ≥ 0.</param>
/// <param name="FileMode">Permission bits of <c>st_mode</c> (no file type bits), e.g. 0x1B6 = 0666.</param>
/// <param name="Uid">Owner uid.</param>
/// <param name="Gid">Owner gid.</param>
public sealed record DeviceNode(string Path, DeviceType Type, long Major, long Minor, uint FileMode, uint Uid, uint Gid)
{
    /// <summary>The runtime-spec type letter: <c>c</c> or <c>b</c>.</summary>
    public string TypeLetter => Type == DeviceType.Block ? "b" : "c";
}
