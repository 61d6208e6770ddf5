using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The I/O edge against the real /dev of the test machine (/dev/null and /dev/zero exist everywhere).</summary>
public sealed class DeviceProbeTests
{
    [Fact]
    public void Read_DevNull_CharOneThreeWorldWritable()
    {
        Assert.Equal(new DeviceNode("/dev/null", DeviceType.Char, 1, 3, 0x1B6, 0, 0), DeviceProbe.Read("/dev/null").Value);
    }

    [Fact]
    public void Read_Symlink_FollowsToTheNode()
    {
        var link = Path.Combine(Path.GetTempPath(), $"cf-oci-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(link, "/dev/zero");
        try
        {
            var node = DeviceProbe.Read(link).Value;

            Assert.Equal((link, DeviceType.Char, 1L, 5L), (node.Path, node.Type, node.Major, node.Minor));
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void Read_Missing_NotFound()
    {
        Assert.Equal(RuntimeErrorKind.NotFound, DeviceProbe.Read("/dev/does-not-exist-cf").Error!.Kind);
    }

    [Fact]
    public void Read_RegularFile_InvalidArgument()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(RuntimeErrorKind.InvalidArgument, DeviceProbe.Read(file).Error!.Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReadMapping_Node_OneRuleAtContainerPath()
    {
        var rules = DeviceProbe.ReadMapping("/dev/null", "/dev/mynull", "rwm").Value;

        Assert.Equal([new DeviceRule(new DeviceNode("/dev/null", DeviceType.Char, 1, 3, 0x1B6, 0, 0), "/dev/mynull", "rwm")], rules);
    }

    [Fact]
    public void ReadMapping_Directory_NodesBelowItUnderContainerPath()
    {
        var rules = DeviceProbe.ReadMapping("/dev", "/host-dev", "r").Value;

        var rule = Assert.Single(rules, r => r.Node.Path == "/dev/null");
        Assert.Equal(("/host-dev/null", "r"), (rule.PathInContainer, rule.Permissions));
        Assert.All(rules, r => Assert.StartsWith("/host-dev/", r.PathInContainer, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadMapping_DirectoryWithoutDevices_InvalidArgument()
    {
        var directory = Directory.CreateTempSubdirectory("cf-oci-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "file"), "x");

            Assert.Equal(RuntimeErrorKind.InvalidArgument, DeviceProbe.ReadMapping(directory.FullName, "/dev/x", "rwm").Error!.Kind);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadMapping_Missing_NotFound()
    {
        Assert.Equal(RuntimeErrorKind.NotFound, DeviceProbe.ReadMapping("/dev/does-not-exist-cf", "/dev/x", "rwm").Error!.Kind);
    }

    [Fact]
    public void ReadHostDevices_Dev_IncludesNullSkipsConsolePtsAndSymlinks()
    {
        var devices = DeviceProbe.ReadHostDevices().Value;

        Assert.Contains(new DeviceNode("/dev/null", DeviceType.Char, 1, 3, 0x1B6, 0, 0), devices);
        Assert.DoesNotContain(devices, d => d.Path == "/dev/console" || d.Path.StartsWith("/dev/pts/", StringComparison.Ordinal));
        Assert.DoesNotContain(devices, d => d.Path == "/dev/stderr" || d.Path.StartsWith("/dev/fd/", StringComparison.Ordinal));
        Assert.Equal(devices.Count, devices.Select(d => d.Path).Distinct().Count());
    }

    [Fact]
    public void ReadHostDevices_MissingRoot_NotFound()
    {
        Assert.Equal(RuntimeErrorKind.NotFound, DeviceProbe.ReadHostDevices("/does-not-exist-cf").Error!.Kind);
    }
}
