using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

/// <summary>
/// Records every plugin execution. ADD answers like the real plugins: bridge prints the captured bridge result,
/// every other plugin echoes its <c>prevResult</c> (or <c>{"cniVersion":"1.0.0"}</c>); CHECK and DEL print nothing.
/// <see cref="Outcomes"/> overrides the answer for a <c>type/COMMAND</c> key.
/// </summary>
internal sealed class FakeCniRunner : ICniPluginRunner
{
    public List<CniExecRequest> Requests { get; } = [];

    public Dictionary<string, CniExecOutcome> Outcomes { get; } = [];

    /// <summary>Each request as <c>type COMMAND ifname</c>.</summary>
    public IEnumerable<string> Calls => Requests.Select(r =>
        $"{Path.GetFileName(r.PluginPath)} {r.Environment["CNI_COMMAND"]} {r.Environment.GetValueOrDefault("CNI_IFNAME", "")}".TrimEnd());

    public Task<CniExecOutcome> RunAsync(CniExecRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        string type = Path.GetFileName(request.PluginPath);
        string command = request.Environment["CNI_COMMAND"];
        if (Outcomes.TryGetValue($"{type}/{command}", out CniExecOutcome? outcome))
        {
            return Task.FromResult(outcome);
        }

        byte[] stdout = command switch
        {
            "ADD" when type == "bridge" => CniTestData.Bytes("results", "bridge-add.json"),
            "ADD" => Echo(request.Stdin),
            _ => [],
        };
        return Task.FromResult(new CniExecOutcome(0, stdout, ""));
    }

    /// <summary>The stdin of request <paramref name="index"/> as parsed JSON.</summary>
    public JsonElement StdinOf(int index)
    {
        using JsonDocument document = JsonDocument.Parse(Requests[index].Stdin);
        return document.RootElement.Clone();
    }

    public static CniExecOutcome Error(int code, string msg) =>
        new(1, Encoding.UTF8.GetBytes($$"""{"code":{{code}},"msg":"{{msg}}"}"""), "");

    private static byte[] Echo(ReadOnlyMemory<byte> stdin)
    {
        using JsonDocument document = JsonDocument.Parse(stdin);
        return document.RootElement.TryGetProperty("prevResult", out JsonElement previous)
            ? Encoding.UTF8.GetBytes(previous.GetRawText())
            : """{"cniVersion":"1.0.0"}"""u8.ToArray();
    }
}
