using System.Buffers;
using System.Net;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Fetching manifests and blobs by digest.</summary>
public sealed partial class RegistryClient
{
    /// <summary>
    /// Fetches a manifest or index by digest (<c>GET /manifests/&lt;digest&gt;</c>, Accept = its media type) and
    /// verifies its SHA-256 and size. Returns the exact bytes (they are what gets stored and hashed).
    /// </summary>
    public Task<RuntimeResult<byte[]>> FetchManifestAsync(ImageReference image, Descriptor manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(manifest);
        var subject = $"manifest {manifest.Digest} of image {image}";
        return FirstEndpointAsync<byte[]>(image, async endpoint =>
        {
            var url = endpoint.Url(image.Repository, "manifests", manifest.Digest);
            var sent = await SendAsync(endpoint, image, HttpMethod.Get, url, $"{manifest.MediaType}, */*", 0, cancellationToken).ConfigureAwait(false);
            if (!sent.TryGetValue(out var response, out var error))
            {
                return error;
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    return StatusError(response, endpoint, subject);
                }

                var body = await ReadManifestBodyAsync(response, endpoint, subject, cancellationToken).ConfigureAwait(false);
                if (!body.TryGetValue(out var bytes, out var bodyError))
                {
                    return bodyError;
                }

                using var verifier = new DigestVerifier(manifest.Digest, manifest.Size, subject);
                verifier.Append(bytes);
                return verifier.Verify().IsFailure(out var mismatch) ? mismatch : bytes;
            }
        });
    }

    /// <summary>
    /// Streams a blob into <paramref name="destination"/> from <paramref name="offset"/>; see
    /// <see cref="CopyBlobAsync(ImageReference, Descriptor, BlobSink, long, CancellationToken)"/>.
    /// </summary>
    public Task<RuntimeResult<long>> CopyBlobAsync(
        ImageReference image, Descriptor blob, Stream destination, long offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return CopyBlobAsync(image, blob, async (chunk, token) =>
        {
            await destination.WriteAsync(chunk, token).ConfigureAwait(false);
            return RuntimeResult.Ok;
        }, offset, cancellationToken);
    }

    /// <summary>
    /// Streams a blob into <paramref name="sink"/> from <paramref name="offset"/> (a resumed ingest sends
    /// <c>Range: bytes=&lt;offset&gt;-</c>), in chunks of up to 1 MiB (the size containerd's client writes). From
    /// offset 0 the SHA-256 and size are verified as the bytes pass; when resuming only the size is (the earlier bytes
    /// are not here: containerd verifies the digest on commit). The first failure of the sink ends the copy and is
    /// returned as is. Endpoints are tried in order only until the first byte has been handed over. Returns the bytes
    /// handed to the sink.
    /// </summary>
    public async Task<RuntimeResult<long>> CopyBlobAsync(
        ImageReference image, Descriptor blob, BlobSink sink, long offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(sink);
        var subject = $"blob {blob.Digest} of image {image}";
        var kind = MediaTypes.IsManifestOrIndex(blob.MediaType) ? "manifests" : "blobs";
        RuntimeError? error = null;
        foreach (var endpoint in RegistryEndpoints.For(image.Registry, _options.For(image.Registry)))
        {
            var url = endpoint.Url(image.Repository, kind, blob.Digest);
            var sent = await SendAsync(endpoint, image, HttpMethod.Get, url, $"{blob.MediaType}, */*", offset, cancellationToken).ConfigureAwait(false);
            if (!sent.TryGetValue(out var response, out var sendError))
            {
                error = sendError.Kind == RuntimeErrorKind.RegistryUnavailable && error is not null ? error : sendError;
                continue;
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var statusError = StatusError(response, endpoint, subject);
                    error = statusError.Kind == RuntimeErrorKind.RegistryUnavailable && error is not null ? error : statusError;
                    continue;
                }

                // Past this point bytes may reach the sink: no other endpoint can continue them.
                return await CopyBodyAsync(response, endpoint, blob, sink, offset, subject, cancellationToken).ConfigureAwait(false);
            }
        }

        return error!;
    }

    private async Task<RuntimeResult<long>> CopyBodyAsync(
        HttpResponseMessage response, RegistryEndpoint endpoint, Descriptor blob, BlobSink sink, long offset,
        string subject, CancellationToken cancellationToken)
    {
        // A server that ignores Range answers 200 with the whole blob: skip what the sink already has.
        var skip = offset > 0 && response.StatusCode != HttpStatusCode.PartialContent ? offset : 0;
        if (offset > 0 && skip == 0 && response.Content.Headers.ContentRange?.From != offset)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"registry {endpoint.Authority} answered an unexpected range for {subject}");
        }

        using var verifier = new DigestVerifier(blob.Digest, blob.Size - offset, subject);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            long written = 0;
            while (true)
            {
                var filled = await FillAsync(body, buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false);
                var chunk = buffer.AsMemory(0, filled);
                if (skip > 0)
                {
                    var dropped = (int)Math.Min(skip, filled);
                    skip -= dropped;
                    chunk = chunk[dropped..];
                }

                verifier.Append(chunk.Span);
                if (verifier.IsOversized)
                {
                    break; // Verify reports the size mismatch.
                }

                if (!chunk.IsEmpty)
                {
                    var accepted = await sink(chunk, cancellationToken).ConfigureAwait(false);
                    if (accepted.IsFailure(out var sinkError))
                    {
                        return sinkError;
                    }

                    written += chunk.Length;
                }

                if (filled < CopyBufferSize)
                {
                    break; // end of body
                }
            }

            var verified = offset == 0 ? verifier.Verify() : SizeOnly(verifier, blob.Size - offset, subject);
            return verified.IsFailure(out var mismatch) ? mismatch : written;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new RuntimeError(RuntimeErrorKind.RegistryUnavailable, $"registry {endpoint.Authority} broke off {subject}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RuntimeError(RuntimeErrorKind.DeadlineExceeded, $"registry {endpoint.Authority} sent nothing for {_options.RequestTimeout} in {subject}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads until <paramref name="buffer"/> is full or the body ends; returns the bytes read. No deadline for the
    /// whole blob, but a stalled connection ends after <see cref="RegistryClientOptions.RequestTimeout"/> without data.
    /// </summary>
    private async Task<int> FillAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filled = 0;
        while (filled < buffer.Length)
        {
            idle.CancelAfter(_options.RequestTimeout);
            var read = await body.ReadAsync(buffer[filled..], idle.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private static RuntimeResult SizeOnly(DigestVerifier verifier, long expected, string subject) =>
        verifier.Length == expected
            ? RuntimeResult.Ok
            : new RuntimeError(RuntimeErrorKind.DigestMismatch, $"{subject}: size mismatch: expected {expected} more bytes, got {verifier.Length}");
}
