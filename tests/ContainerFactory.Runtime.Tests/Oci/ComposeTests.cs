using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

public sealed class ComposeTests
{
    [Fact]
    public void Compose_AppliesLeftToRight_LaterWins()
    {
        var spec = SpecOpts.Build(SpecOpts.WithHostname("first"), SpecOpts.WithHostname("second"));

        Assert.Equal("second", spec.Hostname);
        Assert.Equal(["HOSTNAME=second"], spec.Process!.Env);
    }

    [Fact]
    public void Compose_Order_DecidesWhichEnvWins()
    {
        var userLast = SpecOpts.Build(SpecOpts.WithHostname("h"), SpecOpts.WithEnv(["HOSTNAME=user"]));
        var hostnameLast = SpecOpts.Build(SpecOpts.WithEnv(["HOSTNAME=user"]), SpecOpts.WithHostname("h"));

        Assert.Equal(["HOSTNAME=user"], userLast.Process!.Env);
        Assert.Equal(["HOSTNAME=h"], hostnameLast.Process!.Env);
    }

    [Fact]
    public void Compose_Nested_FlattensInOrder()
    {
        var trace = new List<string>();
        SpecOpt Mark(string name) => spec =>
        {
            trace.Add(name);
            return spec;
        };

        SpecOpts.Build(Mark("a"), SpecOpts.Compose(Mark("b"), Mark("c")), Mark("d"));

        Assert.Equal(["a", "b", "c", "d"], trace);
    }

    [Fact]
    public void Compose_None_IsIdentity()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.Compose()(OciSpec.Empty));
    }

    [Fact]
    public void Compose_ArrayChangedAfterwards_KeepsOriginalOptions()
    {
        SpecOpt[] opts = [SpecOpts.WithHostname("kept")];
        var composed = SpecOpts.Compose(opts);
        opts[0] = SpecOpts.WithHostname("changed");

        Assert.Equal("kept", composed(OciSpec.Empty).Hostname);
    }

    [Fact]
    public void Options_NeverMutateTheirInput()
    {
        var before = SpecOpts.Build(SpecOpts.WithDefaults("ns", "id"));
        var text = OciSpecJson.SerializeIndented(before);

        _ = SpecOpts.Build(
            _ => before,
            SpecOpts.WithPrivileged(SpecProfiles.FakeHostDevices),
            SpecOpts.WithEnv(["A=1"]),
            SpecOpts.WithoutRunTmpfs(),
            SpecOpts.WithHostNetwork(),
            SpecOpts.WithMemory(new MemoryLimits(1, 1, 1)));

        Assert.Equal(text, OciSpecJson.SerializeIndented(before));
    }
}
