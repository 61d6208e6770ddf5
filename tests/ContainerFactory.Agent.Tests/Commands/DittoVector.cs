using ContainerFactory.Agent.Tests.Support;

namespace ContainerFactory.Agent.Tests.Commands;

/// <summary>
/// One golden wire vector under testdata/ditto/&lt;op&gt;/: <c>&lt;case&gt;.request.topic</c> (the MQTT topic),
/// <c>&lt;case&gt;.request.json</c> (the payload, verbatim), <c>&lt;case&gt;.response.topic</c> (the reply topic, or
/// <c>-</c> for no reply) and, when there is a reply, <c>&lt;case&gt;.response.json</c> (the exact reply payload).
/// </summary>
public sealed record DittoVector(string Name)
{
    private string Base => TestData.PathOf("ditto", Name);

    public string RequestTopic => File.ReadAllText(Base + ".request.topic").Trim();

    public byte[] RequestPayload => File.ReadAllBytes(Base + ".request.json");

    public string? ResponseTopic => File.ReadAllText(Base + ".response.topic").Trim() is var t && t != "-" ? t : null;

    public string? ResponsePayload => ResponseTopic is null ? null : File.ReadAllText(Base + ".response.json").TrimEnd('\n');

    public static IEnumerable<string> All()
    {
        string root = TestData.PathOf("ditto");
        return Directory.EnumerateFiles(root, "*.request.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p)[..^".request.json".Length])
            .Order(StringComparer.Ordinal);
    }

    public override string ToString() => Name;
}
