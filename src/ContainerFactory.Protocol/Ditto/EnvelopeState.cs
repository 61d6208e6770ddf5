using System.Buffers;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// The members of a <see cref="DittoEnvelope"/> while <see cref="DittoEnvelopeReader"/> fills them in; the
/// envelope wraps it whole, so the result is one copy. <see cref="Error"/> of kind None may carry no member name.
/// </summary>
internal struct EnvelopeState
{
    public EnvelopeError Error;
    public JsonStringSlice Topic;
    public JsonStringSlice Path;
    public bool HasHeaders;
    public JsonStringSlice CorrelationId;
    public JsonStringSlice ContentType;
    public bool? ResponseRequired;
    public DittoValueKind ValueKind;
    public ReadOnlySequence<byte> Value;
}
