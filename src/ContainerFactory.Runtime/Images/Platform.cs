
namespace ContainerFactory.Runtime.Images;

/// <summary>
/// An OCI platform (<c>os/architecture[/variant]</c>). Use <see cref="Normalize"/> before comparing: it applies
/// containerd's aliases (<c>x86_64</c>→<c>amd64</c>, <c>aarch64</c>→<c>arm64</c>, <c>armhf</c>→<c>arm/v7</c>,
/// <c>armel</c>→<c>arm/v6</c>), drops <c>arm64</c>'s default variant <c>v8</c> and gives <c>arm</c> its default <c>v7</c>.
/// </summary>
/// <param name="Os">Operating system, e.g. <c>linux</c>.</param>
/// <param name="Architecture">GOARCH-style architecture, e.g. <c>amd64</c>, <c>arm64</c>, <c>arm</c>.</param>
/// <param name="Variant">CPU variant (<c>v7</c>, <c>v8</c>); empty when none.</param>
public sealed record Platform(string Os, string Architecture, string Variant = "")
{
    /// <summary>linux/amd64.</summary>
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>linux/arm64 (variant v8 is implied).</summary>
    public static Platform LinuxArm64 { get; } = new("linux", "arm64");

    /// <summary>linux/arm/v7.</summary>
    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7");

    /// <summary>The platform of the running process (linux plus the process architecture).</summary>
    public static Platform Host => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => LinuxAmd64,
        System.Runtime.InteropServices.Architecture.Arm64 => LinuxArm64,
        System.Runtime.InteropServices.Architecture.Arm => LinuxArmV7,
        System.Runtime.InteropServices.Architecture.X86 => new("linux", "386"),
        var other => new("linux", other.ToString().ToLowerInvariant()),
    };

    /// <summary>Returns the canonical form used for matching (see the type's remarks). Pure.</summary>
    public Platform Normalize()
    {
        var os = Os.ToLowerInvariant();
        var variant = (Variant ?? "").ToLowerInvariant();
        var (arch, normalizedVariant) = Architecture.ToLowerInvariant() switch
        {
            "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? "" : variant),
            "i386" => ("386", ""),
            "aarch64" or "arm64" => ("arm64", variant is "v8" or "8" ? "" : variant),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", variant switch { "" or "7" => "v7", "5" or "6" or "8" => "v" + variant, _ => variant }),
            var a => (a, variant),
        };
        return new Platform(os, arch, normalizedVariant);
    }

    /// <summary>
    /// Parses <c>os/architecture[/variant]</c> (e.g. <c>linux/arm64</c>, <c>linux/arm/v7</c>) as given, without
    /// normalizing. False for anything else (empty parts, more than three parts). Never throws.
    /// </summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Platform? platform)
    {
        platform = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
        {
            return false;
        }

        platform = new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : "");
        return true;
    }

    /// <summary>Returns <c>os/architecture</c> or <c>os/architecture/variant</c>.</summary>
    public override string ToString() => string.IsNullOrEmpty(Variant) ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
