using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Smoke;

/// <summary>
/// A published linux-arm64 binary run under qemu-user (<c>qemu-aarch64-static -L ROOT</c>, ROOT = where its dynamic
/// loader and libc are looked up). Two builds are smoke-tested (set by build/test.sh or cross/smoke.sh):
/// <list type="bullet">
/// <item><c>debian12</c>: <c>CF_ARM64_BINARY</c>, linked against the host's cross libc, run on /usr/aarch64-linux-gnu (glibc 2.36).</item>
/// <item><c>bullseye</c>: <c>CF_ARM64_BULLSEYE_BINARY</c>, linked against <c>CF_ARM64_BULLSEYE_SYSROOT</c> and run on it (glibc 2.31).</item>
/// </list>
/// A missing variable, binary or qemu fails the test that asks (integration tests never skip).
/// </summary>
internal sealed record Arm64Binary(string Build, string Path, string LoaderRoot)
{
    public const string Debian12 = "debian12";
    public const string Bullseye = "bullseye";
    private const string Qemu = "qemu-aarch64-static";

    public static TheoryData<string> Builds => new() { Debian12, Bullseye };

    public static Arm64Binary Of(string build) => build switch
    {
        Debian12 => new(build, Required("CF_ARM64_BINARY"), "/usr/aarch64-linux-gnu"),
        Bullseye => new(build, Required("CF_ARM64_BULLSEYE_BINARY"), Required("CF_ARM64_BULLSEYE_SYSROOT")),
        _ => throw new ArgumentOutOfRangeException(nameof(build), build, "unknown arm64 build"),
    };

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, byte[]? stdin = null)
    {
        var start = new ProcessStartInfo(Qemu)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["-L", LoaderRoot, Path, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = StartQemu(start);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process StartQemu(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {Qemu} ({e.Message}): apt-get install qemu-user-static", e);
        }
    }

    private static string Required(string variable)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        Assert.False(string.IsNullOrEmpty(value), $"{variable} must be set (run through build/test.sh or cross/smoke.sh)");
        Assert.True(File.Exists(value) || Directory.Exists(value), $"{variable}={value} does not exist; run 'make publish RID=linux-arm64' and 'make publish-bullseye'");
        return value!;
    }
}
