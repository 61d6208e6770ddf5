namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// The outcome of reading an envelope: <see cref="EnvelopeErrorKind.None"/> or what was wrong, with the
/// member or header name at fault (a constant string, so reporting allocates nothing).
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Member">The envelope member or header name at fault; empty for <see cref="EnvelopeErrorKind.InvalidJson"/>.</param>
public readonly record struct EnvelopeError(EnvelopeErrorKind Kind, string Member)
{
    /// <summary>No error.</summary>
    public static EnvelopeError None => new(EnvelopeErrorKind.None, string.Empty);

    /// <summary>True when the envelope was read.</summary>
    public bool IsNone => Kind == EnvelopeErrorKind.None;
}
