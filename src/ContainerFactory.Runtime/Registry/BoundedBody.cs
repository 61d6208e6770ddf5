namespace ContainerFactory.Runtime.Registry;

/// <summary>Reads small response bodies (manifests, indexes, token answers) whole, refusing oversized ones.</summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The whole body, or null when it is larger than <paramref name="limit"/> bytes (by Content-Length or by
    /// counting). I/O and cancellation exceptions pass through to the caller, which names the endpoint.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[limit < ChunkBytes ? Math.Max(limit, 0) + 1 : ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
