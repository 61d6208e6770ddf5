namespace ContainerFactory.Runtime.Containerd;

/// <summary>A mount returned by the snapshotter; pass it unchanged to Diff/Apply and Tasks/Create.</summary>
/// <param name="Type">e.g. <c>overlay</c>, <c>bind</c>.</param>
/// <param name="Source">e.g. <c>overlay</c> or a snapshot directory.</param>
/// <param name="Target">Usually empty.</param>
/// <param name="Options">Mount options (<c>lowerdir=…</c>, <c>rbind</c>…).</param>
public sealed record Mount(string Type, string Source, string Target, IReadOnlyList<string> Options);
