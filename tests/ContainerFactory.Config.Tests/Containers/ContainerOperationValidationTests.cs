using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Tests.Containers;

public sealed class ContainerOperationValidationTests
{
    [Theory]
    [InlineData("""{"restartPolicy":{}}""", "unsupported restart policy type ", "restartPolicy.type")]
    [InlineData("""{"restartPolicy":{"type":"UNLESS_STOPPED","RetryTimeout":10,"MaxRetryCount":3}}""", "cannot use max retry count when the restart policy is unless-stopped", "restartPolicy.maxRetryCount")]
    [InlineData("""{"resources":{"memory":"2M"}}""", "minimum memory allowed is 3M", "resources.memory")]
    [InlineData("""{"resources":{"memory":"1G","memorySwap":"512M"}}""", "swap memory - 512M is less than memory - 1G", "resources.memorySwap")]
    public void ValidateUpdate_RuleBroken_ReturnsMessageAndPath(string json, string message, string path) =>
        Assert.Equal([new ConfigIssue(message, path)], ContainerValidation.ValidateUpdate(Requests.Update(json)));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"restartPolicy":{"type":"on-failure","maxRetryCount":3,"timeout":10}}""")]
    [InlineData("""{"resources":{}}""")]
    [InlineData("""{"resources":{"memory":"500M"}}""")]
    public void ValidateUpdate_ValidUpdate_ReturnsNoIssue(string json) =>
        Assert.Empty(ContainerValidation.ValidateUpdate(Requests.Update(json)));

    [Theory]
    [InlineData(-1L, "", "the timeout = -1 shouldn't be negative", "timeout")]
    [InlineData(0L, "SIGFOO", "invalid signal = SIGFOO", "signal")]
    [InlineData(0L, "0", "invalid signal = 0", "signal")]
    [InlineData(0L, "256", "invalid signal = 256", "signal")]
    public void ValidateStop_RuleBroken_ReturnsMessageAndPath(long timeout, string signal, string message, string path) =>
        Assert.Equal([new ConfigIssue(message, path)], ContainerValidation.ValidateStop(new StopRequest(false, timeout, signal)));

    [Theory]
    [InlineData("")]
    [InlineData("SIGKILL")]
    [InlineData("int")]
    [InlineData("2")]
    [InlineData("255")]
    public void ValidateStop_ValidSignal_ReturnsNoIssue(string signal) =>
        Assert.Empty(ContainerValidation.ValidateStop(new StopRequest(true, 50, signal)));

    [Fact]
    public void ValidateRename_BadName_ReturnsNameIssueAtValue() =>
        Assert.Equal(
            [new ConfigIssue("invalid container name format : .hidden", "value")],
            ContainerValidation.ValidateRename(".hidden"));

    [Theory]
    [InlineData("")]
    [InlineData("new_ctr_name")]
    [InlineData("a.b-c_9")]
    public void ValidateRename_ValidOrEmptyName_ReturnsNoIssue(string name) =>
        Assert.Empty(ContainerValidation.ValidateRename(name));
}
