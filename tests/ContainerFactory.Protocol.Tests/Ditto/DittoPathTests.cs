using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Protocol.Tests.Ditto;

public class DittoPathTests
{
    [Theory]
    [InlineData("/features/ContainerFactory/inbox/messages/create", "ContainerFactory", "create")]
    [InlineData("/features/Container:6f1d/inbox/messages/stopWithOptions", "Container:6f1d", "stopWithOptions")]
    public void TryParseFeatureInbox_FeaturePath_SplitsFeatureAndOperation(string path, string feature, string operation)
    {
        Assert.True(DittoPath.TryParseFeatureInbox(path, out string f, out string op));
        Assert.Equal((feature, operation), (f, op));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/features//inbox/messages/create")]
    [InlineData("/features/ContainerFactory/inbox/messages/")]
    [InlineData("/features/ContainerFactory/inbox/messages/a/b")]
    [InlineData("/features/ContainerFactory/outbox/messages/create")]
    [InlineData("/features/ContainerFactory/properties/x")]
    [InlineData("/inbox/messages/create")]
    [InlineData("features/ContainerFactory/inbox/messages/create")]
    public void TryParseFeatureInbox_OtherPaths_ReturnsFalse(string path)
    {
        Assert.False(DittoPath.TryParseFeatureInbox(path, out string f, out string op));
        Assert.Equal(("", ""), (f, op));
    }

    [Theory]
    [InlineData("/inbox/messages/reboot", true, "reboot")]
    [InlineData("/inbox/messages/", false, "")]
    [InlineData("/inbox/messages/a/b", false, "")]
    [InlineData("/outbox/messages/a", false, "")]
    public void TryParseThingInbox_Table(string path, bool ok, string operation)
    {
        Assert.Equal(ok, DittoPath.TryParseThingInbox(path, out string op));
        Assert.Equal(operation, op);
    }

    [Fact]
    public void Builders_WriteKantoPaths()
    {
        Assert.Equal("/features/ContainerFactory/outbox/messages/create", DittoPath.FeatureOutbox("ContainerFactory", "create"));
        Assert.Equal("/outbox/messages/reboot", DittoPath.ThingOutbox("reboot"));
        Assert.Equal("/features/Container:1", DittoPath.Feature("Container:1"));
        Assert.Equal("/features/Container:1/properties/status/state", DittoPath.FeatureProperty("Container:1", "status/state"));
    }
}
