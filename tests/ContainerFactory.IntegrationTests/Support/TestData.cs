namespace ContainerFactory.IntegrationTests.Support;

/// <summary>Locates the golden vectors copied next to the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));
}
