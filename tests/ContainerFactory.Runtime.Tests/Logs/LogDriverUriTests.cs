using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogDriverUriTests
{
    private const string Binary = "/usr/bin/container-factory";

    [Fact]
    public void Build_Defaults_JsonFileBlocking()
    {
        string uri = LogDriverUri.Build(Binary, LogDriverOptions.Default);

        Assert.Equal(
            "binary:///usr/bin/container-factory?log-driver&driver=json-file&max-files=2&max-size=100M" +
            "&root-dir=%2Fvar%2Flib%2Fcontainer-factory%2Fcontainers&mode=blocking",
            uri);
    }

    [Fact]
    public void Build_NonBlocking_AddsBufferSize()
    {
        var options = new LogDriverOptions(LogDriverType.JsonFile, 5, 1536, "/data/logs", LogDeliveryMode.NonBlocking, 1L << 30);

        Assert.Equal(
            "binary:///usr/bin/container-factory?log-driver&driver=json-file&max-files=5&max-size=1536B" +
            "&root-dir=%2Fdata%2Flogs&mode=non-blocking&max-buffer-size=1G",
            LogDriverUri.Build(Binary, options));
    }

    [Fact]
    public void Build_DriverNone_OnlyMarkerAndDriver()
    {
        var options = LogDriverOptions.Default with { Driver = LogDriverType.None, Mode = LogDeliveryMode.NonBlocking };

        Assert.Equal("binary:///usr/bin/container-factory?log-driver&driver=none", LogDriverUri.Build(Binary, options));
    }

    [Fact]
    public void Build_SpecialCharacters_PercentEncoded()
    {
        var options = LogDriverOptions.Default with { RootDir = "/var/my logs/a+b=c&d", MaxSize = 10L << 10 };

        Assert.Equal(
            "binary:///opt/cf%20agent/container-factory?log-driver&driver=json-file&max-files=2&max-size=10K" +
            "&root-dir=%2Fvar%2Fmy%20logs%2Fa%2Bb%3Dc%26d&mode=blocking",
            LogDriverUri.Build("/opt/cf agent/container-factory", options));
    }

    [Fact]
    public void Build_PathAsTheShimReadsIt_IsTheBinary()
    {
        string uri = LogDriverUri.Build("/opt/cf agent/container-factory", LogDriverOptions.Default);

        Assert.Equal("/opt/cf agent/container-factory", ShimArgv.PathOf(uri));
    }

    [Fact]
    public void Build_RelativeBinary_Throws() =>
        Assert.Throws<ArgumentException>(() => LogDriverUri.Build("container-factory", LogDriverOptions.Default));
}
