using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>
/// An image no other test (and no other namespace) has: one layer of random bytes, pushed to the anonymous test
/// registry under a fresh repository. containerd shares blobs across namespaces, so only such an image is really
/// downloaded; use it where a test counts downloads or interrupts one.
/// </summary>
/// <param name="Reference">e.g. <c>127.0.0.1:PORT/cftest/u1a2b3c4:latest</c>.</param>
/// <param name="Manifest">The OCI manifest.</param>
/// <param name="Config">The config blob.</param>
/// <param name="Layer">The gzip layer blob.</param>
/// <param name="DiffId">The layer's uncompressed digest (its chain id too).</param>
public sealed record UniqueImage(string Reference, Descriptor Manifest, Descriptor Config, Descriptor Layer, string DiffId)
{
    /// <summary>The layer blob's bytes.</summary>
    public required byte[] LayerBytes { get; init; }

    private static readonly HttpClient Http = new();

    /// <summary>Builds and pushes the image with a layer of about <paramref name="layerBytes"/> incompressible bytes.</summary>
    public static async Task<UniqueImage> PushAsync(int layerBytes)
    {
        var registry = TestEnvironment.Current.Registry;
        var repository = $"cftest/u{Guid.NewGuid():N}"[..15];
        var (tar, gzip) = RandomLayer(layerBytes);
        var diffId = ContentDigest.Sha256(tar);
        var layer = await PushBlobAsync(registry, repository, "application/vnd.oci.image.layer.v1.tar+gzip", gzip);
        var configJson = """{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"]},"rootfs":{"type":"layers","diff_ids":["""
            + $"\"{diffId}\"" + "]}}";
        var config = await PushBlobAsync(registry, repository, MediaTypes.OciConfig, Encoding.UTF8.GetBytes(configJson));
        var manifestJson = $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciManifest}\",\"config\":{Json(config)},\"layers\":[{Json(layer)}]}}";
        var manifestBytes = Encoding.UTF8.GetBytes(manifestJson);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"http://{registry}/v2/{repository}/manifests/latest")
        {
            Content = new ByteArrayContent(manifestBytes),
        };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypes.OciManifest);
        using var response = await Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var manifest = new Descriptor(MediaTypes.OciManifest, ContentDigest.Sha256(manifestBytes), manifestBytes.Length);
        return new UniqueImage($"{registry}/{repository}:latest", manifest, config, layer, diffId) { LayerBytes = gzip };
    }

    private static string Json(Descriptor d) => $"{{\"mediaType\":\"{d.MediaType}\",\"digest\":\"{d.Digest}\",\"size\":{d.Size}}}";

    private static (byte[] Tar, byte[] Gzip) RandomLayer(int bytes)
    {
        var content = new byte[bytes];
        RandomNumberGenerator.Fill(content);
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "data/") { Mode = (UnixFileMode)0b111_101_101 });
            var file = new PaxTarEntry(TarEntryType.RegularFile, "data/random.bin")
            {
                Mode = (UnixFileMode)0b110_100_100,
                DataStream = new MemoryStream(content),
            };
            writer.WriteEntry(file);
        }

        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(tar.GetBuffer(), 0, (int)tar.Length);
        }

        return (tar.ToArray(), gzip.ToArray());
    }

    /// <summary>Monolithic upload: POST an upload session, PUT the bytes with <c>?digest=</c>.</summary>
    private static async Task<Descriptor> PushBlobAsync(string registry, string repository, string mediaType, byte[] body)
    {
        var digest = ContentDigest.Sha256(body);
        using var start = await Http.PostAsync($"http://{registry}/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = new Uri(new Uri($"http://{registry}/"), start.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{location}{separator}digest={Uri.EscapeDataString(digest)}")
        {
            Content = new ByteArrayContent(body),
        };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        return new Descriptor(mediaType, digest, body.Length);
    }
}
