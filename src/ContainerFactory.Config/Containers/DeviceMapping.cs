namespace ContainerFactory.Config.Containers;

/// <summary>A host device made available inside the container.</summary>
/// <param name="PathOnHost">Device path on the host, e.g. <c>/dev/ttyACM0</c>; non-empty.</param>
/// <param name="PathInContainer">Device path in the container; defaults to <paramref name="PathOnHost"/>.</param>
/// <param name="CgroupPermissions">A non-empty combination of <c>r</c>, <c>w</c>, <c>m</c>, each at most once; default <c>rwm</c>.</param>
public sealed record DeviceMapping(string PathOnHost, string PathInContainer, string CgroupPermissions);
