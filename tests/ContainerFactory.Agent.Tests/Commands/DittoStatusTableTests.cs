using ContainerFactory.Agent.Commands;

namespace ContainerFactory.Agent.Tests.Commands;

public class DittoStatusTableTests
{
    [Theory]
    [InlineData(CommandErrorKind.InvalidParameter, 400, "messages:parameter.invalid")]
    [InlineData(CommandErrorKind.InvalidConfig, 400, "messages:parameter.invalid")]
    [InlineData(CommandErrorKind.NotFound, 404, "messages:subject.notfound")]
    [InlineData(CommandErrorKind.ImageUnavailable, 500, "messages:execution.failed")]
    [InlineData(CommandErrorKind.RuntimeUnavailable, 503, "messages:execution.failed")]
    [InlineData(CommandErrorKind.Failed, 500, "messages:execution.failed")]
    public void For_EveryKind_MapsToProductStatus(CommandErrorKind kind, int status, string code)
    {
        Assert.Equal((status, code), DittoStatusTable.For(kind));
    }

    [Fact]
    public void For_EveryKindIsInTheTable()
    {
        foreach (CommandErrorKind kind in Enum.GetValues<CommandErrorKind>())
        {
            (int status, _) = DittoStatusTable.For(kind);
            Assert.InRange(status, 400, 599);
        }
    }
}
