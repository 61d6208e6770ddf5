using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Tests.Kanto;

public sealed class KantoNamesTests
{
    [Theory]
    [InlineData("NO", RestartPolicyKind.No)]
    [InlineData("no", RestartPolicyKind.No)]
    [InlineData("ALWAYS", RestartPolicyKind.Always)]
    [InlineData("always", RestartPolicyKind.Always)]
    [InlineData("ON_FAILURE", RestartPolicyKind.OnFailure)]
    [InlineData("on-failure", RestartPolicyKind.OnFailure)]
    [InlineData("UNLESS_STOPPED", RestartPolicyKind.UnlessStopped)]
    [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped)]
    public void TryParse_RestartPolicySpelling_Accepted(string text, RestartPolicyKind expected)
    {
        Assert.True(KantoNames.TryParse(text, out RestartPolicyKind kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("JSON_FILE", LogDriver.JsonFile)]
    [InlineData("json-file", LogDriver.JsonFile)]
    [InlineData("NONE", LogDriver.None)]
    [InlineData("none", LogDriver.None)]
    public void TryParse_LogDriverSpelling_Accepted(string text, LogDriver expected)
    {
        Assert.True(KantoNames.TryParse(text, out LogDriver driver));
        Assert.Equal(expected, driver);
    }

    [Theory]
    [InlineData("BLOCKING", LogMode.Blocking)]
    [InlineData("blocking", LogMode.Blocking)]
    [InlineData("NON_BLOCKING", LogMode.NonBlocking)]
    [InlineData("non-blocking", LogMode.NonBlocking)]
    public void TryParse_LogModeSpelling_Accepted(string text, LogMode expected)
    {
        Assert.True(KantoNames.TryParse(text, out LogMode mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("unless stopped")]
    [InlineData("restart")]
    public void TryParse_UnknownRestartPolicy_Rejected(string? text) =>
        Assert.False(KantoNames.TryParse(text, out RestartPolicyKind _));

    [Fact]
    public void TryParse_UnknownNetworkMode_Rejected() => Assert.False(KantoNames.TryParse("none", out NetworkMode _));

    [Fact]
    public void Report_EveryEnum_UsesKantoReportingNames()
    {
        Assert.Equal(["BRIDGE", "HOST"], Enum.GetValues<NetworkMode>().Select(KantoNames.Report));
        Assert.Equal(["NO", "ALWAYS", "ON_FAILURE", "UNLESS_STOPPED"], Enum.GetValues<RestartPolicyKind>().Select(KantoNames.Report));
        Assert.Equal(["JSON_FILE", "NONE"], Enum.GetValues<LogDriver>().Select(KantoNames.Report));
        Assert.Equal(["BLOCKING", "NON_BLOCKING"], Enum.GetValues<LogMode>().Select(KantoNames.Report));
        Assert.Equal(["RPRIVATE", "PRIVATE", "RSHARED", "SHARED", "RSLAVE", "SLAVE"], Enum.GetValues<PropagationMode>().Select(KantoNames.Report));
        Assert.Equal(["tcp", "udp"], Enum.GetValues<PortProtocol>().Select(KantoNames.Report));
    }

    [Fact]
    public void Docker_RestartPolicy_UsesDockerSpelling() =>
        Assert.Equal(["no", "always", "on-failure", "unless-stopped"], Enum.GetValues<RestartPolicyKind>().Select(KantoNames.Docker));
}
