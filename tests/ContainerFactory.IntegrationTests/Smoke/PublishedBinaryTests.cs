using System.Text;
using System.Text.Json;
using ContainerFactory.IntegrationTests.Support;
using TasksApi = ContainerFactory.Runtime.Containerd.Api.Tasks;

namespace ContainerFactory.IntegrationTests.Smoke;

/// <summary>Drives the published Native AOT binary: AOT is tested, not assumed (HOUSE-STYLE rule 16).</summary>
[Trait("Category", "Smoke")]
public class PublishedBinaryTests
{
    [Fact]
    public async Task Version_PrintsNameVersionAndRuntime()
    {
        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(["version"]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"^container-factory \d+\.\d+\.\d+ linux-(x64|arm64|arm)\n$", stdout);
    }

    [Fact]
    public void Binary_CarriesNoProtobufDescriptors()
    {
        // Generated protobuf code embeds each .proto file's descriptor as base64 text. The substitutions in
        // src/ContainerFactory.Agent/Trimming remove the only code that reads descriptors, so neither that text nor
        // the reflection machinery behind it is compiled into the binary.
        byte[] needle = Encoding.Unicode.GetBytes(TasksApi.TasksReflection.Descriptor.SerializedData.ToBase64()[..40]);
        byte[] assembly = File.ReadAllBytes(typeof(TasksApi.TasksReflection).Assembly.Location);

        Assert.NotEqual(-1, assembly.AsSpan().IndexOf(needle));
        Assert.Equal(-1, File.ReadAllBytes(NativeBinary.Path).AsSpan().IndexOf(needle));
    }

    [Fact]
    public async Task Validate_PublishedCreateWithConfigExample_Answers400NamingTheMount()
    {
        string file = TestData.PathOf("examples", "createWithConfig.request.json");

        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(["validate", file]);

        Assert.Equal(1, code);
        Assert.Equal("reply topic: command//edge:device/res//createWithConfig\n", stderr);
        using JsonDocument reply = JsonDocument.Parse(stdout);
        JsonElement value = reply.RootElement.GetProperty("value");
        Assert.Equal(400, reply.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("messages:parameter.invalid", value.GetProperty("error").GetString());
        Assert.Equal(
            "source and destination must be set for a mount point (config.mountPoints[0])",
            value.GetProperty("message").GetString());
        Assert.Equal("/features/ContainerFactory/outbox/messages/createWithConfig", reply.RootElement.GetProperty("path").GetString());
        Assert.Equal("<UUID>", reply.RootElement.GetProperty("headers").GetProperty("correlation-id").GetString());
    }

    [Fact]
    public async Task Validate_PublishedCreateExampleOnStdin_PrintsNormalizedCommand()
    {
        byte[] payload = TestData.Bytes("examples", "create.request.json");

        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(["validate", "-"], payload);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using JsonDocument command = JsonDocument.Parse(stdout);
        JsonElement root = command.RootElement;
        string id = root.GetProperty("containerId").GetString()!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal("create", root.GetProperty("operation").GetString());
        Assert.Equal("docker.io/library/hello-world:latest", root.GetProperty("imageRef").GetString());
        Assert.Equal(id, root.GetProperty("name").GetString());
        Assert.True(root.GetProperty("start").GetBoolean());
        JsonElement config = root.GetProperty("config");
        Assert.Equal($"{id}-host", config.GetProperty("hostName").GetString());
        Assert.Equal("BRIDGE", config.GetProperty("networkMode").GetString());
        JsonElement restart = config.GetProperty("restartPolicy");
        Assert.Equal(["type"], restart.EnumerateObject().Select(p => p.Name));
        Assert.Equal("UNLESS_STOPPED", restart.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsWithUsageError()
    {
        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(["validate", "/nonexistent/message.json"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("validate: cannot read /nonexistent/message.json: ", stderr, StringComparison.Ordinal);
    }
}
