using System.Buffers;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Agent.Commands;

/// <summary>
/// Turns one inbound MQTT message into a command or the exact error reply, applying the checks of
/// kanto-protocol §2.3 in order (the first failure wins) with PRODUCT.md §2.2/§2.3's changes. Pure: no I/O.
/// </summary>
public static class CommandReader
{
    /// <summary>Reads the message published on <paramref name="mqttTopic"/> with <paramref name="payload"/>.</summary>
    public static InboundResult Read(string mqttTopic, ReadOnlySequence<byte> payload, InboundContext context)
    {
        if (!HonoCommandTopic.TryParse(mqttTopic, out HonoCommandTopic topic))
        {
            return new DroppedInbound($"topic {mqttTopic} is not a command topic");
        }

        DittoEnvelope envelope = DittoEnvelopeReader.Read(payload);
        string device = topic.ThingId;
        if (envelope.Error.Kind is EnvelopeErrorKind.InvalidJson or EnvelopeErrorKind.InvalidMember)
        {
            return Reject(
                EnvelopeErrorReply(topic, null, DittoConstants.UnknownErrorTopic, envelope, context),
                CommandErrorKind.InvalidParameter,
                ParseFailure(device, envelope.Error));
        }

        if (envelope.Topic.IsEmpty || envelope.Path.IsEmpty)
        {
            return Reject(
                EnvelopeErrorReply(
                    topic,
                    envelope.ResponseRequired,
                    envelope.Topic.IsEmpty ? DittoConstants.UnknownErrorTopic : envelope.Topic.GetString(),
                    envelope,
                    context),
                CommandErrorKind.InvalidParameter,
                $"invalid Ditto message received for device id [{device}]");
        }

        string dittoTopic = envelope.Topic.GetString();
        string path = envelope.Path.GetString();
        var inboxReply = new ReplyContext(
            ReplyRoute.For(topic, envelope.ResponseRequired), dittoTopic, path, CorrelationId(envelope, context));
        if (!DittoThingId.TryFromTopic(dittoTopic, out DittoThingId thing))
        {
            return Reject(inboxReply with { Path = "/" }, CommandErrorKind.InvalidParameter, $"invalid Ditto message topic received for device id [{device}]");
        }

        if (HeaderProblem(envelope) is { } headerProblem)
        {
            return Reject(inboxReply, CommandErrorKind.InvalidParameter, $"invalid Ditto message received for device id [{device}]: {headerProblem}");
        }

        if (!string.Equals(thing.ToString(), context.ThingId, StringComparison.Ordinal))
        {
            return Reject(inboxReply, CommandErrorKind.NotFound, $"thing with ID = {thing} is not found");
        }

        return RouteByPath(envelope, inboxReply, context);
    }

    private static InboundResult RouteByPath(DittoEnvelope envelope, ReplyContext inboxReply, InboundContext context)
    {
        string path = inboxReply.Path;
        if (DittoPath.TryParseFeatureInbox(path, out string featureId, out string operation))
        {
            ReplyContext reply = inboxReply with { Path = DittoPath.FeatureOutbox(featureId, operation) };
            if (featureId == DittoConstants.ContainerFactoryFeature)
            {
                return FactoryOperation.Read(operation, envelope, reply, context);
            }

            if (featureId.StartsWith(DittoConstants.ContainerFeaturePrefix, StringComparison.Ordinal)
                && featureId[DittoConstants.ContainerFeaturePrefix.Length..] is { Length: > 0 } containerId
                && context.ContainerExists(containerId))
            {
                return new AcceptedInbound(new ContainerOperationCommand(
                    reply, containerId, operation, envelope.ValueKind, ToMemory(envelope.Value)));
            }

            // Kanto's text, trailing space included.
            return Reject(inboxReply, CommandErrorKind.InvalidParameter, $"feature [{featureId}] not found ");
        }

        if (DittoPath.TryParseThingInbox(path, out _))
        {
            return Reject(
                inboxReply,
                CommandErrorKind.NotFound,
                $"the target thing ID = {context.ThingId} does not have a registered operations handler - thus, the command will not be processed");
        }

        return Reject(inboxReply, CommandErrorKind.InvalidParameter, $"missing operation name for device id [{context.ThingId}]");
    }

    /// <summary>
    /// The reply context of errors found before the envelope can be trusted: path <c>/</c> (Ditto's error path).
    /// A correlation id read before the failure is echoed, since the cloud connector forwards only replies whose
    /// correlation id it knows.
    /// </summary>
    private static ReplyContext EnvelopeErrorReply(
        HonoCommandTopic topic, bool? responseRequired, string dittoTopic, DittoEnvelope envelope, InboundContext context) =>
        new(ReplyRoute.For(topic, responseRequired), dittoTopic, "/", CorrelationId(envelope, context));

    private static string ParseFailure(string device, EnvelopeError error)
    {
        string text = $"error parsing Ditto message received for device id [{device}]";
        return error.Kind == EnvelopeErrorKind.InvalidMember
            ? $"{text}: {error.Member} must be {(error.Member == "headers" ? "an object" : "a string")}"
            : text;
    }

    /// <summary>The header rules of kanto-protocol §2.2 (step 5), or null when the headers are fine.</summary>
    private static string? HeaderProblem(DittoEnvelope envelope)
    {
        if (envelope.Error.Kind == EnvelopeErrorKind.InvalidHeader)
        {
            return envelope.Error.Member == DittoConstants.ResponseRequiredHeader
                ? $"{envelope.Error.Member} header must be a boolean"
                : $"{envelope.Error.Member} header must be a string";
        }

        if (envelope.CorrelationId.IsEmpty)
        {
            return "correlation id header is missing";
        }

        if (envelope.HasValue)
        {
            if (!envelope.ContentType.IsPresent)
            {
                return "missing content type header";
            }

            if (!IsJson(envelope.ContentType.GetString()))
            {
                return $"unsupported content type header {envelope.ContentType.GetString()}";
            }
        }
        else if (envelope.ContentType.IsPresent)
        {
            return $"unexpected content type header {envelope.ContentType.GetString()}";
        }

        return null;
    }

    /// <summary><c>application/json</c>, in any case, with or without parameters such as <c>; charset=utf-8</c>.</summary>
    private static bool IsJson(string contentType)
    {
        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        ReadOnlySpan<char> mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).AsSpan().Trim();
        return mediaType.Equals(DittoConstants.JsonContentType, StringComparison.OrdinalIgnoreCase);
    }

    private static string CorrelationId(DittoEnvelope envelope, InboundContext context) =>
        envelope.CorrelationId.IsEmpty ? context.NewId() : envelope.CorrelationId.GetString();

    internal static ReadOnlyMemory<byte> ToMemory(ReadOnlySequence<byte> value) =>
        value.IsSingleSegment ? value.First : value.ToArray();

    internal static RejectedInbound Reject(ReplyContext reply, CommandErrorKind kind, string message) =>
        new(reply, new CommandError(kind, message));
}
