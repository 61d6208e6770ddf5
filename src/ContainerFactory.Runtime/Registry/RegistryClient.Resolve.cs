using System.Net;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Resolving a reference to its root descriptor.</summary>
public sealed partial class RegistryClient
{
    /// <summary>
    /// Resolves a tag or digest to the root descriptor (index or manifest): <c>HEAD /v2/&lt;repo&gt;/manifests/&lt;ref&gt;</c>
    /// with containerd's Accept list, repeated as a GET (and the body hashed) when the HEAD lacks a digest, a length or a
    /// manifest media type, or answers 405. <see cref="RuntimeErrorKind.NotFound"/> names the image.
    /// </summary>
    public Task<RuntimeResult<Descriptor>> ResolveAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return FirstEndpointAsync(image, endpoint => ResolveAtAsync(endpoint, image, cancellationToken));
    }

    private async Task<RuntimeResult<Descriptor>> ResolveAtAsync(
        RegistryEndpoint endpoint, ImageReference image, CancellationToken cancellationToken)
    {
        var url = endpoint.Url(image.Repository, "manifests", image.Reference);
        var head = await SendAsync(endpoint, image, HttpMethod.Head, url, MediaTypes.ResolveAccept, 0, cancellationToken).ConfigureAwait(false);
        if (!head.TryGetValue(out var response, out var error))
        {
            return error;
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                if (!response.IsSuccessStatusCode)
                {
                    return ImageStatusError(response, endpoint, image);
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
                var digest = HeaderDigest(response) ?? image.Digest;
                if (MediaTypes.IsManifestOrIndex(mediaType) && digest is not null && response.Content.Headers.ContentLength is { } size)
                {
                    return Accept(image, new Descriptor(mediaType, digest, size));
                }
            }
        }

        return await ResolveByGetAsync(endpoint, image, url, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult<Descriptor>> ResolveByGetAsync(
        RegistryEndpoint endpoint, ImageReference image, Uri url, CancellationToken cancellationToken)
    {
        var get = await SendAsync(endpoint, image, HttpMethod.Get, url, MediaTypes.ResolveAccept, 0, cancellationToken).ConfigureAwait(false);
        if (!get.TryGetValue(out var response, out var error))
        {
            return error;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return ImageStatusError(response, endpoint, image);
            }

            var body = await ReadManifestBodyAsync(response, endpoint, $"manifest of image {image}", cancellationToken).ConfigureAwait(false);
            if (!body.TryGetValue(out var bytes, out var bodyError))
            {
                return bodyError;
            }

            var declared = response.Content.Headers.ContentType?.MediaType ?? "";
            var mediaType = MediaTypes.IsManifestOrIndex(declared) ? declared : ManifestParser.SniffMediaType(bytes) ?? declared;
            return Accept(image, new Descriptor(mediaType, ContentDigest.Sha256(bytes), bytes.Length));
        }
    }

    private static RuntimeResult<Descriptor> Accept(ImageReference image, Descriptor root)
    {
        if (image.Digest is not null && root.Digest != image.Digest)
        {
            return new RuntimeError(RuntimeErrorKind.DigestMismatch,
                $"image {image}: registry resolved it to {root.Digest}");
        }

        if (!ContentDigest.IsValid(root.Digest))
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"image {image}: registry sent unsupported digest \"{root.Digest}\"");
        }

        return MediaTypes.IsIndex(root.MediaType) || MediaTypes.IsManifest(root.MediaType)
            ? root
            : new RuntimeError(RuntimeErrorKind.Internal, $"image {image}: unsupported manifest media type \"{root.MediaType}\"");
    }

    /// <summary>Like <see cref="StatusError"/>, but a 404 names the image and its registry.</summary>
    private static RuntimeError ImageStatusError(HttpResponseMessage response, RegistryEndpoint endpoint, ImageReference image) =>
        response.StatusCode == HttpStatusCode.NotFound
            ? new RuntimeError(RuntimeErrorKind.NotFound, $"image {image} not found in {image.Registry}")
            : StatusError(response, endpoint, $"image {image}");

    private static string? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault()?.Trim() : null;

    /// <summary>Reads a manifest body, refusing more than <see cref="RegistryClientOptions.MaxManifestBytes"/>.</summary>
    private async Task<RuntimeResult<byte[]>> ReadManifestBodyAsync(
        HttpResponseMessage response, RegistryEndpoint endpoint, string subject, CancellationToken cancellationToken)
    {
        var limit = _options.MaxManifestBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await BoundedBody.ReadAsync(response.Content, limit, timeout.Token).ConfigureAwait(false) is { } body
                ? body
                : new RuntimeError(RuntimeErrorKind.Internal, $"{subject} is larger than {limit} bytes");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new RuntimeError(RuntimeErrorKind.RegistryUnavailable, $"registry {endpoint.Authority} broke off {subject}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RuntimeError(RuntimeErrorKind.DeadlineExceeded, $"registry {endpoint.Authority} did not send {subject} in {_options.RequestTimeout}");
        }
    }
}
