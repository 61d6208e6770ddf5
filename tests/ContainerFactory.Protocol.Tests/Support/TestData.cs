namespace ContainerFactory.Protocol.Tests.Support;

/// <summary>Locates the golden vectors copied next to the test assembly.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    /// <summary>Every request payload under testdata/ditto and testdata/examples, as paths relative to testdata.</summary>
    public static IEnumerable<string> RequestVectors() =>
        Directory.EnumerateFiles(Root, "*.request.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p))
            .Order(StringComparer.Ordinal);
}
