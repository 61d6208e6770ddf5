using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogDriverArgsTests
{
    private static readonly LogDriverOptions Custom = new(LogDriverType.JsonFile, 3, 1L << 20, "/var/log/cf", LogDeliveryMode.NonBlocking, 1536);

    /// <summary>The same pairs in the orders Go's map iteration may produce (the shim's argv is unstable).</summary>
    public static TheoryData<string[]> Permutations => new()
    {
        new[] { "log-driver", "", "driver", "json-file", "max-files", "3", "max-size", "1m", "root-dir", "/var/log/cf", "mode", "non-blocking", "max-buffer-size", "1.5K" },
        new[] { "mode", "non-blocking", "max-size", "1m", "log-driver", "", "max-buffer-size", "1.5K", "root-dir", "/var/log/cf", "max-files", "3", "driver", "json-file" },
        new[] { "max-buffer-size", "1.5K", "root-dir", "/var/log/cf", "driver", "json-file", "mode", "non-blocking", "max-files", "3", "max-size", "1m", "log-driver", "" },
        new[] { "root-dir", "/var/log/cf", "log-driver", "", "max-files", "3", "max-buffer-size", "1.5K", "max-size", "1m", "driver", "json-file", "mode", "non-blocking" },
    };

    [Theory]
    [MemberData(nameof(Permutations))]
    public void TryParse_PairsInAnyOrder_SameOptions(string[] args)
    {
        Assert.True(LogDriverArgs.TryParse(args, out LogDriverOptions? options, out string? error), error);
        Assert.Equal(Custom, options);
    }

    [Fact]
    public void TryParse_NoPairs_Defaults()
    {
        Assert.True(LogDriverArgs.TryParse([], out LogDriverOptions? options, out _));
        Assert.Equal(new LogDriverOptions(LogDriverType.JsonFile, 2, 104_857_600, "/var/lib/container-factory/containers", LogDeliveryMode.Blocking, 1_048_576), options);
    }

    [Fact]
    public void TryParse_MarkerOnly_Defaults()
    {
        Assert.True(LogDriverArgs.TryParse(["log-driver", ""], out LogDriverOptions? options, out _));
        Assert.Equal(LogDriverOptions.Default, options);
    }

    [Fact]
    public void TryParse_DriverNone_KeepsOtherDefaults()
    {
        Assert.True(LogDriverArgs.TryParse(["driver", "none", "log-driver", ""], out LogDriverOptions? options, out _));
        Assert.Equal(LogDriverOptions.Default with { Driver = LogDriverType.None }, options);
    }

    [Theory]
    [InlineData("1B", 1L)]
    [InlineData("10b", 10L)]
    [InlineData("1k", 1024L)]
    [InlineData("1.5K", 1536L)]
    [InlineData("1m", 1_048_576L)]
    [InlineData("1.1M", 1_153_433L)]
    [InlineData("100M", 104_857_600L)]
    [InlineData("2 G", 2_147_483_648L)]
    public void TryParse_MaxSize_BytesBase1024(string text, long bytes)
    {
        Assert.True(LogDriverArgs.TryParse(["max-size", text], out LogDriverOptions? options, out _));
        Assert.Equal(bytes, options.MaxSize);
    }

    [Theory]
    [InlineData(new[] { "mode" }, "expected KEY VALUE pairs, got 1 arguments")]
    [InlineData(new[] { "max-size", "" }, "'max-size' needs a value")]
    [InlineData(new[] { "root-dir", "" }, "'root-dir' needs a value")]
    [InlineData(new[] { "driver", "syslog" }, "unsupported driver 'syslog' (json-file or none)")]
    [InlineData(new[] { "mode", "async" }, "unsupported mode 'async' (blocking or non-blocking)")]
    [InlineData(new[] { "max-files", "0" }, "invalid max-files '0' (an integer ≥ 1)")]
    [InlineData(new[] { "max-files", "-1" }, "invalid max-files '-1' (an integer ≥ 1)")]
    [InlineData(new[] { "max-files", "two" }, "invalid max-files 'two' (an integer ≥ 1)")]
    [InlineData(new[] { "max-size", "100" }, "invalid max-size '100' (a size ≥ 1B such as 100M)")]
    [InlineData(new[] { "max-size", "0M" }, "invalid max-size '0M' (a size ≥ 1B such as 100M)")]
    [InlineData(new[] { "max-size", "1.2.3M" }, "invalid max-size '1.2.3M' (a size ≥ 1B such as 100M)")]
    [InlineData(new[] { "max-buffer-size", "1T" }, "invalid max-buffer-size '1T' (a size ≥ 1B such as 1M)")]
    [InlineData(new[] { "root-dir", "logs" }, "invalid root-dir 'logs' (an absolute path)")]
    [InlineData(new[] { "max-sise", "1M" }, "unknown key 'max-sise'")]
    [InlineData(new[] { "flag", "" }, "unknown key 'flag'")]
    [InlineData(new[] { "mode", "blocking", "mode", "blocking" }, "key 'mode' given twice")]
    public void TryParse_Invalid_FailsNamingKeyAndValue(string[] args, string expected)
    {
        Assert.False(LogDriverArgs.TryParse(args, out LogDriverOptions? options, out string? error));
        Assert.Null(options);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(new[] { "log-driver", "" }, true)]
    [InlineData(new[] { "mode", "blocking", "log-driver", "" }, true)]
    [InlineData(new[] { "max-size", "1m", "mode", "blocking", "log-driver", "" }, true)]
    [InlineData(new[] { "log-driver" }, false)]
    [InlineData(new[] { "log-driver", "--help" }, false)]
    [InlineData(new[] { "validate", "log-driver", "", "x" }, false)]
    [InlineData(new[] { "mode", "blocking" }, false)]
    [InlineData(new string[0], false)]
    public void IsShimInvocation_MarkerAtKeyPosition_True(string[] args, bool expected) =>
        Assert.Equal(expected, LogDriverArgs.IsShimInvocation(args));

    [Theory]
    [MemberData(nameof(BuiltOptions))]
    public void TryParse_QueryOfBuiltUri_RoundTrips(LogDriverOptions original)
    {
        string[] argv = ShimArgv.FromUri(LogDriverUri.Build("/usr/bin/container-factory", original));

        Assert.True(LogDriverArgs.IsShimInvocation(argv));
        Assert.True(LogDriverArgs.TryParse(argv, out LogDriverOptions? parsed, out string? error), error);
        Assert.Equal(original, parsed);
    }

    public static TheoryData<LogDriverOptions> BuiltOptions => new()
    {
        LogDriverOptions.Default,
        Custom,
        Custom with { RootDir = "/var/lib/state dir/c+d=e&f" },
        LogDriverOptions.Default with { MaxSize = 1_153_433, MaxFiles = 7 },
    };
}
