using System.Text;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Registry;

/// <summary>Small single- and multi-platform images written into a <see cref="FakeRegistry"/>.</summary>
internal static class TestImages
{
    public sealed record Pushed(Descriptor Root, Descriptor Manifest, Descriptor Config, Descriptor Layer, byte[] LayerBytes);

    public static Pushed PushSingle(FakeRegistry registry, string repository, string tag, string architecture = "amd64")
    {
        var (manifest, config, layer, layerBytes, manifestBytes) = Build(registry, architecture);
        var root = registry.AddManifest(repository, tag, MediaTypes.OciManifest, manifestBytes);
        return new Pushed(root, root, config, layer, layerBytes);
    }

    public static (Pushed Amd64, Pushed Arm64, Descriptor Index) PushMulti(FakeRegistry registry, string repository, string tag)
    {
        var amd = Build(registry, "amd64");
        var arm = Build(registry, "arm64");
        var amdManifest = registry.AddManifest(repository, "amd64-only", MediaTypes.OciManifest, amd.ManifestBytes);
        var armManifest = registry.AddManifest(repository, "arm64-only", MediaTypes.OciManifest, arm.ManifestBytes);
        var index = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[
              {"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{armManifest.Digest}}","size":{{armManifest.Size}},
               "platform":{"architecture":"arm64","os":"linux","variant":"v8"} },
              {"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{amdManifest.Digest}}","size":{{amdManifest.Size}},
               "platform":{"architecture":"amd64","os":"linux"} } ] }
            """);
        var root = registry.AddManifest(repository, tag, MediaTypes.OciIndex, index);
        return (new Pushed(root, amdManifest, amd.Config, amd.Layer, amd.LayerBytes),
            new Pushed(root, armManifest, arm.Config, arm.Layer, arm.LayerBytes), root);
    }

    private static (string Manifest, Descriptor Config, Descriptor Layer, byte[] LayerBytes, byte[] ManifestBytes) Build(
        FakeRegistry registry, string architecture)
    {
        var layerBytes = new byte[300_000];
        new Random(architecture.Length).NextBytes(layerBytes);
        var layer = registry.AddBlob("application/vnd.oci.image.layer.v1.tar+gzip", layerBytes);
        var configBytes = Encoding.UTF8.GetBytes($$"""
            {"architecture":"{{architecture}}","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh"] },
             "rootfs":{"type":"layers","diff_ids":["{{ContentDigest.Sha256(layerBytes)}}"] } }
            """);
        var config = registry.AddBlob(MediaTypes.OciConfig, configBytes);
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}",
             "config":{"mediaType":"{{config.MediaType}}","digest":"{{config.Digest}}","size":{{config.Size}} },
             "layers":[{"mediaType":"{{layer.MediaType}}","digest":"{{layer.Digest}}","size":{{layer.Size}} } ] }
            """;
        return (manifest, config, layer, layerBytes, Encoding.UTF8.GetBytes(manifest));
    }
}
