using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Oci;
using static ContainerFactory.Runtime.Tests.Oci.OciText;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The process options, each applied alone to an empty spec (or a small seed), checked as compact JSON.</summary>
public sealed class SpecOptsProcessTests
{
    [Fact]
    public void Empty_Serialized_IsOnlyTheVersion()
    {
        Assert.Equal("""{"ociVersion":""}""", Json(OciSpec.Empty));
    }

    [Fact]
    public void WithImageConfig_EntrypointCmdEnvWorkdirUser_SetsProcess()
    {
        var image = new ImageProcessConfig
        {
            Entrypoint = ["/entry.sh", "-x"],
            Cmd = ["run"],
            Env = ["PATH=/bin", "A=1"],
            WorkingDir = "/app",
            User = "ignored: resolved separately",
        };

        var spec = SpecOpts.Build(SpecOpts.WithImageConfig(image, new ProcessUser(1000, 100, [100, 27])));

        Assert.Equal(
            """{"ociVersion":"","process":{"user":{"uid":1000,"gid":100,"additionalGids":[100,27]},"args":["/entry.sh","-x","run"],"env":["PATH=/bin","A=1"],"cwd":"/app"}}""",
            Json(spec));
    }

    [Fact]
    public void WithImageConfig_NoConfig_DefaultPathRootAndSlash()
    {
        var spec = SpecOpts.Build(SpecOpts.WithImageConfig(null, ProcessUser.Root));

        Assert.Equal(
            """{"ociVersion":"","process":{"user":{"uid":0,"gid":0,"additionalGids":[0]},"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"cwd":"/"}}""",
            Json(spec));
    }

    [Fact]
    public void WithImageConfig_EnvAlreadyInSpec_OverridesImageEnvByKey()
    {
        var image = new ImageProcessConfig { Env = ["PATH=/bin", "A=image", "B=image"] };

        var spec = SpecOpts.Build(SpecOpts.WithEnv(["A=spec", "C=spec"]), SpecOpts.WithImageConfig(image, ProcessUser.Root));

        Assert.Equal(["PATH=/bin", "A=spec", "B=image", "C=spec"], spec.Process!.Env);
    }

    [Fact]
    public void WithCmd_ImageWithEntrypoint_KeepsEntrypointReplacesCmd()
    {
        var image = new ImageProcessConfig { Entrypoint = ["/entry.sh"], Cmd = ["default"] };

        var spec = SpecOpts.Build(SpecOpts.WithImageConfig(image, ProcessUser.Root), SpecOpts.WithCmd(image, ["mine", "--flag"]));

        Assert.Equal(["/entry.sh", "mine", "--flag"], spec.Process!.Args);
    }

    [Fact]
    public void WithCmd_NoEntrypoint_CmdIsTheArgs()
    {
        var spec = SpecOpts.Build(SpecOpts.WithCmd(new ImageProcessConfig { Cmd = ["sh"] }, ["sleep", "1"]));

        Assert.Equal("""{"ociVersion":"","process":{"user":{"uid":0,"gid":0},"args":["sleep","1"],"cwd":""}}""", Json(spec));
    }

    [Fact]
    public void WithCmd_EmptyCmd_LeavesImageArgs()
    {
        var image = new ImageProcessConfig { Entrypoint = ["/entry.sh"], Cmd = ["default"] };

        var spec = SpecOpts.Build(SpecOpts.WithImageConfig(image, ProcessUser.Root), SpecOpts.WithCmd(image, []));

        Assert.Equal(["/entry.sh", "default"], spec.Process!.Args);
    }

    [Fact]
    public void WithUser_Resolved_SetsIdsAsGiven()
    {
        var spec = SpecOpts.Build(SpecOpts.WithUser(new ProcessUser(33, 33, [33, 4])));

        Assert.Equal("""{"ociVersion":"","process":{"user":{"uid":33,"gid":33,"additionalGids":[33,4]},"cwd":""}}""", Json(spec));
    }

    [Fact]
    public void WithUser_NoAdditionalGids_OmitsTheList()
    {
        var spec = SpecOpts.Build(SpecOpts.WithUser(new ProcessUser(5, 6, [])));

        Assert.Equal("""{"ociVersion":"","process":{"user":{"uid":5,"gid":6},"cwd":""}}""", Json(spec));
    }

    [Fact]
    public void WithEnv_SetReplaceAndUnset_MergesLikeContainerd()
    {
        var spec = SpecOpts.Build(SpecOpts.WithEnv(["A=1", "B=2", "C=3"]), SpecOpts.WithEnv(["B=two", "C", "D=4", "E="]));

        Assert.Equal(["A=1", "B=two", "D=4", "E="], spec.Process!.Env);
    }

    [Fact]
    public void WithEnv_Empty_LeavesSpecUnchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithEnv([])(OciSpec.Empty));
    }

    [Fact]
    public void WithEnv_UnsetEverything_OmitsEnv()
    {
        var spec = SpecOpts.Build(SpecOpts.WithEnv(["A=1"]), SpecOpts.WithEnv(["A"]));

        Assert.Equal("""{"ociVersion":"","process":{"user":{"uid":0,"gid":0},"cwd":""}}""", Json(spec));
    }

    [Fact]
    public void WithHostname_SetsHostnameAndEnv()
    {
        var spec = SpecOpts.Build(SpecOpts.WithHostname("web-host"));

        Assert.Equal(
            """{"ociVersion":"","process":{"user":{"uid":0,"gid":0},"env":["HOSTNAME=web-host"],"cwd":""},"hostname":"web-host"}""",
            Json(spec));
    }

    [Fact]
    public void WithHostname_ImageHasHostnameEnv_ReplacesIt()
    {
        var spec = SpecOpts.Build(SpecOpts.WithEnv(["HOSTNAME=image", "X=1"]), SpecOpts.WithHostname("mine"));

        Assert.Equal(["HOSTNAME=mine", "X=1"], spec.Process!.Env);
    }

    [Fact]
    public void WithDomainname_SetsDomainname()
    {
        Assert.Equal("""{"ociVersion":"","domainname":"example.org"}""", Json(SpecOpts.Build(SpecOpts.WithDomainname("example.org"))));
    }

    [Fact]
    public void WithTty_True_SetsTerminalAndTerm()
    {
        var spec = SpecOpts.Build(SpecOpts.WithTty(true));

        Assert.Equal(
            """{"ociVersion":"","process":{"terminal":true,"user":{"uid":0,"gid":0},"env":["TERM=xterm"],"cwd":""}}""",
            Json(spec));
    }

    [Fact]
    public void WithTty_False_OmitsTerminalAndAddsNoTerm()
    {
        Assert.Equal("""{"ociVersion":"","process":{"user":{"uid":0,"gid":0},"cwd":""}}""", Json(SpecOpts.Build(SpecOpts.WithTty(false))));
    }

    [Fact]
    public void WithCapabilities_Empty_AddsToBoundingEffectivePermitted()
    {
        var spec = SpecOpts.Build(SpecOpts.WithCapabilities(["CAP_NET_ADMIN", "CAP_NET_ADMIN"]));

        Assert.Equal(
            """{"ociVersion":"","process":{"user":{"uid":0,"gid":0},"cwd":"","capabilities":{"bounding":["CAP_NET_ADMIN"],"effective":["CAP_NET_ADMIN"],"permitted":["CAP_NET_ADMIN"]}}}""",
            Json(spec));
    }

    [Fact]
    public void WithCapabilities_OnDefaults_AppendsOnlyMissing()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaults("ns", "id"), SpecOpts.WithCapabilities(["CAP_KILL", "CAP_SYS_TIME"]));

        Assert.Equal([.. LinuxCapabilityNames.Default, "CAP_SYS_TIME"], spec.Process!.Capabilities!.Bounding);
        Assert.Equal(spec.Process.Capabilities.Bounding, spec.Process.Capabilities.Effective);
        Assert.Equal(spec.Process.Capabilities.Bounding, spec.Process.Capabilities.Permitted);
        Assert.Null(spec.Process.Capabilities.Inheritable);
    }

    [Fact]
    public void WithCapabilities_None_LeavesSpecUnchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithCapabilities([])(OciSpec.Empty));
    }

    [Fact]
    public void WithAllCapabilities_Sets41InKernelOrder()
    {
        var caps = SpecOpts.Build(SpecOpts.WithAllCapabilities()).Process!.Capabilities!;

        Assert.Equal(41, caps.Bounding!.Count);
        Assert.Equal("CAP_CHOWN", caps.Bounding[0]);
        Assert.Equal("CAP_CHECKPOINT_RESTORE", caps.Bounding[40]);
        Assert.Equal(caps.Bounding, caps.Effective);
        Assert.Equal(caps.Bounding, caps.Permitted);
        Assert.Null(caps.Ambient);
    }

    [Fact]
    public void WithAllCapabilities_GivenSet_SetsExactlyThatSet()
    {
        var caps = SpecOpts.Build(SpecOpts.WithAllCapabilities(["CAP_CHOWN", "CAP_SYS_ADMIN"])).Process!.Capabilities!;

        Assert.Equal(
            ("CAP_CHOWN,CAP_SYS_ADMIN", "CAP_CHOWN,CAP_SYS_ADMIN", "CAP_CHOWN,CAP_SYS_ADMIN"),
            (string.Join(',', caps.Bounding!), string.Join(',', caps.Effective!), string.Join(',', caps.Permitted!)));
    }

    [Fact]
    public void WithoutApparmor_RemovesProfile()
    {
        var seeded = OciSpec.Empty with { Process = new OciProcess { ApparmorProfile = "cri-containerd.apparmor.d" } };

        Assert.Null(SpecOpts.WithoutApparmor()(seeded).Process!.ApparmorProfile);
    }
}
