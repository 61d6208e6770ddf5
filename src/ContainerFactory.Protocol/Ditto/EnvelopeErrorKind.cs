namespace ContainerFactory.Protocol.Ditto;

/// <summary>Why an envelope could not be read.</summary>
public enum EnvelopeErrorKind
{
    /// <summary>The envelope was read.</summary>
    None,

    /// <summary>The payload is not valid JSON, or its root is not an object.</summary>
    InvalidJson,

    /// <summary>A known envelope member (<c>topic</c>, <c>path</c>, <c>headers</c>) has the wrong JSON type.</summary>
    InvalidMember,

    /// <summary>A known header (<c>correlation-id</c>, <c>response-required</c>, <c>content-type</c>) has the wrong JSON type.</summary>
    InvalidHeader,
}
