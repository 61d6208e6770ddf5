namespace ContainerFactory.Runtime.Tests;

public sealed class RuntimeResultTests
{
    private static readonly RuntimeError Missing = new(RuntimeErrorKind.NotFound, "image x not found");

    [Fact]
    public void TryGetValue_Success_ReturnsValue()
    {
        RuntimeResult<int> result = 42;

        Assert.True(result.TryGetValue(out var value, out var error));
        Assert.Equal(42, value);
        Assert.Null(error);
    }

    [Fact]
    public void TryGetValue_Failure_ReturnsError()
    {
        RuntimeResult<int> result = Missing;

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Same(Missing, error);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Default_IsInternalFailure()
    {
        Assert.False(default(RuntimeResult<string>).IsSuccess);
        Assert.Equal(RuntimeErrorKind.Internal, default(RuntimeResult<string>).Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Internal, default(RuntimeResult).Error!.Kind);
    }

    [Fact]
    public void Map_Failure_PassesErrorThrough()
    {
        RuntimeResult<int> failed = Missing;

        Assert.Same(Missing, failed.Map(v => v.ToString()).Error);
        Assert.Equal("7", RuntimeResult<int>.Ok(7).Map(v => v.ToString()).Value);
    }

    [Fact]
    public void WithoutValue_KeepsOutcome()
    {
        Assert.True(RuntimeResult<int>.Ok(1).WithoutValue().IsSuccess);
        Assert.True(RuntimeResult<int>.Fail(Missing).WithoutValue().IsFailure(out var error));
        Assert.Same(Missing, error);
    }

    [Fact]
    public void ToString_Failure_IsKindAndMessage()
    {
        Assert.Equal("NotFound: image x not found", ((RuntimeResult)Missing).ToString());
    }
}
