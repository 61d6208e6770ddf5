using System.Text;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Tests;

/// <summary>Builds requests from JSON text through the real decoder, so test inputs read like wire values.</summary>
internal static class Requests
{
    public static CreateRequest CreateWithConfig(string json)
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig(Encoding.UTF8.GetBytes(json), out var request, out var error), error?.Message);
        return request;
    }

    /// <summary>A createWithConfig request with a valid imageRef and the given config object.</summary>
    public static CreateRequest WithConfig(string configJson) =>
        CreateWithConfig($$"""{"imageRef":"docker.io/library/nginx:latest","config":{{configJson}}}""");

    public static UpdateRequest Update(string json)
    {
        Assert.True(KantoDecoder.TryDecodeUpdate(Encoding.UTF8.GetBytes(json), out var request, out var error), error?.Message);
        return request;
    }

    /// <summary>The raw <c>value</c> of a published example message, trailing commas and all.</summary>
    public static byte[] ExampleValue(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "testdata", "examples", fileName);
        var options = new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true };
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path), options);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("value").GetRawText());
    }
}
