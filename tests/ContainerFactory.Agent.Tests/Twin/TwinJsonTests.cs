using System.Buffers;
using System.Text;
using System.Text.Json;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Agent.Tests.Twin;

public class TwinJsonTests
{
    private const string Id = "6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f";

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriteFactoryFeature_IsTheDefinitionOnly()
    {
        Assert.Equal(
            "{\"definition\":[\"com.bosch.iot.suite.edge.containers:ContainerFactory:1.3.0\"]}",
            Write(TwinJson.WriteFactoryFeature));
    }

    [Fact]
    public void WriteContainerFeature_FreshCreate_MatchesKantoExample()
    {
        ContainerConfig config = ContainerDefaults.Apply(Id, new CreateRequest("docker.io/library/hello-world:latest", null, false, null));
        var created = new DateTimeOffset(2024, 6, 28, 7, 35, 21, TimeSpan.Zero).AddTicks(1234567);

        string json = Write(w => TwinJson.WriteContainerFeature(w, config, created, new ContainerState(ContainerStatus.Created)));

        Assert.Equal(
            "{\"definition\":[\"com.bosch.iot.suite.edge.containers:Container:1.5.0\"],\"properties\":{\"status\":{" +
            $"\"name\":\"{Id}\",\"imageRef\":\"docker.io/library/hello-world:latest\"," +
            $"\"config\":{{\"domainName\":\"{Id}-domain\",\"hostName\":\"{Id}-host\",\"restartPolicy\":{{\"type\":\"UNLESS_STOPPED\"}},\"networkMode\":\"BRIDGE\",\"log\":{{\"type\":\"JSON_FILE\",\"maxFiles\":2,\"maxSize\":\"100M\",\"mode\":\"BLOCKING\"}}}}," +
            "\"createdAt\":\"2024-06-28T07:35:21.1234567Z\",\"state\":{\"status\":\"CREATED\",\"pid\":-1}}}}",
            json);
    }

    [Fact]
    public void WriteContainerStatus_FreshCreate_IsTheFeaturesStatusProperty()
    {
        ContainerConfig config = ContainerDefaults.Apply(Id, new CreateRequest("docker.io/library/hello-world:latest", "web", false, null));
        var created = new DateTimeOffset(2024, 6, 28, 7, 35, 21, TimeSpan.Zero);
        var state = new ContainerState(ContainerStatus.Created);

        string status = Write(w => TwinJson.WriteContainerStatus(w, config, created, state));
        string feature = Write(w => TwinJson.WriteContainerFeature(w, config, created, state));

        Assert.Equal(
            "{\"name\":\"web\",\"imageRef\":\"docker.io/library/hello-world:latest\",\"config\":{\"domainName\":\"web-domain\",\"hostName\":\"web-host\"," +
            "\"restartPolicy\":{\"type\":\"UNLESS_STOPPED\"},\"networkMode\":\"BRIDGE\",\"log\":{\"type\":\"JSON_FILE\",\"maxFiles\":2,\"maxSize\":\"100M\",\"mode\":\"BLOCKING\"}}," +
            "\"createdAt\":\"2024-06-28T07:35:21Z\",\"state\":{\"status\":\"CREATED\",\"pid\":-1}}",
            status);
        Assert.Equal($"{{\"definition\":[\"com.bosch.iot.suite.edge.containers:Container:1.5.0\"],\"properties\":{{\"status\":{status}}}}}", feature);
    }

    [Fact]
    public void WriteState_Exited_WritesEveryFieldInKantoOrder()
    {
        var started = new DateTimeOffset(2024, 6, 28, 7, 35, 21, TimeSpan.Zero);
        var state = new ContainerState(ContainerStatus.Exited, -1, "OOM Killed", 137, started, started.AddSeconds(2), true);

        Assert.Equal(
            "{\"status\":\"EXITED\",\"pid\":-1,\"error\":\"OOM Killed\",\"exitCode\":137,\"startedAt\":\"2024-06-28T07:35:21Z\",\"finishedAt\":\"2024-06-28T07:35:23Z\",\"oomKilled\":true}",
            Write(w => TwinJson.WriteState(w, state)));
    }

    [Fact]
    public void WriteState_CreatingWithProgress_AddsProgress()
    {
        var state = new ContainerState(ContainerStatus.Creating, Progress: new PullProgressValue(1024, 4096));

        Assert.Equal(
            "{\"status\":\"CREATING\",\"pid\":-1,\"progress\":{\"done\":1024,\"total\":4096}}",
            Write(w => TwinJson.WriteState(w, state)));
    }

    [Theory]
    [InlineData(0, "2024-06-28T07:35:21Z")]
    [InlineData(1_000_000, "2024-06-28T07:35:21.1Z")]
    [InlineData(1_234_500, "2024-06-28T07:35:21.12345Z")]
    public void Timestamp_TrimsTrailingZerosLikeGo(long ticks, string expected)
    {
        var time = new DateTimeOffset(2024, 6, 28, 9, 35, 21, TimeSpan.FromHours(2)).AddTicks(ticks);

        Assert.Equal(expected, TwinJson.Timestamp(time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000_000)]
    [InlineData(1_234_500)]
    [InlineData(9_999_999)]
    public void ParseTimestamp_ReadsWhatTimestampWrites(long ticks)
    {
        var time = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(ticks);

        Assert.Equal(time, TwinJson.ParseTimestamp(TwinJson.Timestamp(time)));
    }

    [Fact]
    public void ParseTimestamp_NineFractionalDigits_DropsDigitsPastTicks() =>
        Assert.Equal(new DateTimeOffset(2024, 6, 28, 7, 35, 21, TimeSpan.Zero).AddTicks(1_234_567),
            TwinJson.ParseTimestamp("2024-06-28T07:35:21.123456789Z"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-06-28T07:35:21")]
    [InlineData("2024-06-28T07:35:21+02:00")]
    [InlineData("2024-06-28 07:35:21Z")]
    [InlineData("2024-06-28T07:35:21.Z")]
    [InlineData("2024-06-28T07:35:21.1234567890Z")]
    [InlineData("2024-06-28T07:35:21,1Z")]
    [InlineData("2023-02-29T07:35:21Z")]
    [InlineData("2024-13-01T07:35:21Z")]
    [InlineData("2024-06-28T24:00:00Z")]
    [InlineData("2024-06-28T07:60:21Z")]
    [InlineData("2024-06-28T07:35:60Z")]
    [InlineData("0000-06-28T07:35:21Z")]
    [InlineData("2024-06-2xT07:35:21Z")]
    [InlineData("2024-06-28T07:35:21.1x3Z")]
    public void ParseTimestamp_OtherText_ReturnsNull(string? text) => Assert.Null(TwinJson.ParseTimestamp(text));
}
