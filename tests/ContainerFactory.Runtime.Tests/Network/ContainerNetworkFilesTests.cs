using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class ContainerNetworkFilesTests : IDisposable
{
    private static readonly HostNetworkFiles Host = new(
        "127.0.0.1\tlocalhost\n192.0.2.2\tdevice\n",
        "nameserver 127.0.0.53\nsearch lan\n",
        "nameserver 127.0.0.53\n");

    private readonly string _directory = Directory.CreateTempSubdirectory("cf-net-files-").FullName;

    [Fact]
    public void Compose_Bridge_HostsWithSelfFilteredResolvConfAndHostname()
    {
        var spec = new NetworkFilesSpec(ContainerNetworkMode.Bridge, "web", "example.test", [new("172.17.0.1", "gw")], "172.17.0.2", Host);

        NetworkFileSet files = ContainerNetworkFiles.Compose(spec);

        Assert.Equal(HostsFile.ForBridge([new("172.17.0.1", "gw")], null) + "172.17.0.2\tweb.example.test web\n", files.Hosts);
        Assert.Equal("web\n", files.Hostname);
        Assert.Equal("search lan\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n", files.ResolvConf);
    }

    [Fact]
    public void Compose_Host_CopiesTheHostFilesVerbatim()
    {
        var spec = new NetworkFilesSpec(ContainerNetworkMode.Host, "device", "", [], null, Host);

        NetworkFileSet files = ContainerNetworkFiles.Compose(spec);

        Assert.Equal(new NetworkFileSet(Host.Hosts, "device\n", Host.EtcResolvConf), files);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TryWrite_NewThenAgain_WritesThreeFilesInPlace()
    {
        string folder = Path.Combine(_directory, "c1");
        Assert.True(ContainerNetworkFiles.TryWrite(folder, new NetworkFileSet("h1\n", "n1\n", "r1\n")).IsSuccess);
        using FileStream held = File.OpenRead(Path.Combine(folder, "hosts"));

        RuntimeResult again = ContainerNetworkFiles.TryWrite(folder, new NetworkFileSet("h2\n", "n2\n", "r2\n"));

        Assert.True(again.IsSuccess, again.ToString());
        Assert.Equal("h2\n", new StreamReader(held).ReadToEnd());
        Assert.Equal(["hostname", "hosts", "resolv.conf"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(Path.Combine(folder, "resolv.conf")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TryEnsure_NewFolder_CreatesThreeEmptyFiles()
    {
        string folder = Path.Combine(_directory, "c2");

        RuntimeResult ensured = ContainerNetworkFiles.TryEnsure(folder);

        Assert.True(ensured.IsSuccess, ensured.ToString());
        Assert.Equal(["hostname", "hosts", "resolv.conf"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(folder), path => Assert.Equal(0, new FileInfo(path).Length));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(Path.Combine(folder, "hosts")));
    }

    [Fact]
    public void TryEnsure_WrittenFiles_KeepsThemAndTheirInodes()
    {
        string folder = Path.Combine(_directory, "c3");
        Assert.True(ContainerNetworkFiles.TryWrite(folder, new NetworkFileSet("h1\n", "n1\n", "r1\n")).IsSuccess);
        using FileStream held = File.OpenRead(Path.Combine(folder, "hosts"));

        RuntimeResult ensured = ContainerNetworkFiles.TryEnsure(folder);
        string kept = File.ReadAllText(Path.Combine(folder, "hosts"));
        RuntimeResult written = ContainerNetworkFiles.TryWrite(folder, new NetworkFileSet("h2\n", "n2\n", "r2\n"));

        Assert.True(ensured.IsSuccess, ensured.ToString());
        Assert.Equal("h1\n", kept);
        Assert.True(written.IsSuccess, written.ToString());
        Assert.Equal("h2\n", new StreamReader(held).ReadToEnd());
        Assert.Equal("r2\n", File.ReadAllText(Path.Combine(folder, "resolv.conf")));
    }

    [Fact]
    public void TryEnsure_FolderIsAFile_ReturnsInternalError()
    {
        string file = Path.Combine(_directory, "not-a-folder");
        File.WriteAllText(file, "x");

        RuntimeResult ensured = ContainerNetworkFiles.TryEnsure(file);

        Assert.Equal(RuntimeErrorKind.Internal, ensured.Error?.Kind);
        Assert.StartsWith($"cannot create the network files in {file}: ", ensured.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadHostFiles_LoneSystemdStub_ReadsTheUpstreamFile()
    {
        string etc = Directory.CreateDirectory(Path.Combine(_directory, "etc")).FullName;
        File.WriteAllText(Path.Combine(etc, "hosts"), "127.0.0.1 localhost\n");
        File.WriteAllText(Path.Combine(etc, "resolv.conf"), "nameserver 127.0.0.53\n");
        string upstream = Path.Combine(_directory, "upstream-resolv.conf");
        File.WriteAllText(upstream, "nameserver 192.0.2.53\n");

        HostNetworkFiles files = ContainerNetworkFiles.TryReadHostFiles(etc, upstream).Value;

        Assert.Equal(new HostNetworkFiles("127.0.0.1 localhost\n", "nameserver 192.0.2.53\n", "nameserver 127.0.0.53\n"), files);
    }

    [Fact]
    public void TryReadHostFiles_MissingFiles_ReadAsEmpty()
    {
        HostNetworkFiles files = ContainerNetworkFiles.TryReadHostFiles(Path.Combine(_directory, "nothing"), Path.Combine(_directory, "none")).Value;

        Assert.Equal(new HostNetworkFiles("", "", ""), files);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
