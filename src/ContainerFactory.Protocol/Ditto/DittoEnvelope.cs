using System.Buffers;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// An inbound Ditto protocol envelope as read by <see cref="DittoEnvelopeReader"/>: every member is a slice of
/// the payload, nothing is copied. Only the members the agent acts on are kept; unknown members are skipped.
/// </summary>
public readonly struct DittoEnvelope
{
    private readonly EnvelopeState _state;

    internal DittoEnvelope(in EnvelopeState state)
    {
        _state = state;
    }

    /// <summary>The read outcome; when it is not <see cref="EnvelopeErrorKind.None"/>, other members may be partial.</summary>
    public EnvelopeError Error => _state.Error.Kind == EnvelopeErrorKind.None ? EnvelopeError.None : _state.Error;

    /// <summary><c>topic</c>; not present when absent or null.</summary>
    public JsonStringSlice Topic => _state.Topic;

    /// <summary><c>path</c>; not present when absent or null.</summary>
    public JsonStringSlice Path => _state.Path;

    /// <summary>True when a <c>headers</c> object was present (false for absent or null).</summary>
    public bool HasHeaders => _state.HasHeaders;

    /// <summary>The <c>correlation-id</c> header; not present when absent or null.</summary>
    public JsonStringSlice CorrelationId => _state.CorrelationId;

    /// <summary>The <c>content-type</c> header; not present when absent or null.</summary>
    public JsonStringSlice ContentType => _state.ContentType;

    /// <summary>The <c>response-required</c> header: null when absent or null, else its boolean value.</summary>
    public bool? ResponseRequired => _state.ResponseRequired;

    /// <summary>The JSON kind of <c>value</c>.</summary>
    public DittoValueKind ValueKind => _state.ValueKind;

    /// <summary>The raw JSON of <c>value</c> (the whole token, e.g. <c>{…}</c> or <c>"x"</c>); empty when absent.</summary>
    public ReadOnlySequence<byte> Value => _state.Value;

    /// <summary>True when <c>value</c> is present and not JSON null.</summary>
    public bool HasValue => ValueKind is not (DittoValueKind.Absent or DittoValueKind.Null);
}
