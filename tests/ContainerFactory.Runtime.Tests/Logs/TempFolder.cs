namespace ContainerFactory.Runtime.Tests.Logs;

/// <summary>A fresh folder under /tmp, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("cf-logs-").FullName;

    public string Path { get; }

    /// <summary>The files in <paramref name="sub"/>, sorted by name, with their text.</summary>
    public IReadOnlyList<(string Name, string Text)> Files(string sub) =>
        [.. Directory.GetFiles(System.IO.Path.Combine(Path, sub))
            .Order(StringComparer.Ordinal)
            .Select(f => (System.IO.Path.GetFileName(f), File.ReadAllText(f)))];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
