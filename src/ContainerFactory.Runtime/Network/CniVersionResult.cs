namespace ContainerFactory.Runtime.Network;

/// <summary>A plugin's answer to <c>CNI_COMMAND=VERSION</c>.</summary>
/// <param name="CniVersion">Version of this answer.</param>
/// <param name="SupportedVersions">Every spec version the plugin accepts, e.g. <c>0.1.0</c> … <c>1.0.0</c>.</param>
public sealed record CniVersionResult(string? CniVersion, IReadOnlyList<string> SupportedVersions);
