using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>Parses an event's payload; a malformed one is a false, never an exception.</summary>
internal static class EventPayload
{
    public static bool TryParse<T>(MessageParser<T> parser, ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out T? message)
        where T : class, IMessage<T>
    {
        try
        {
            message = parser.ParseFrom(payload.Span);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            message = null;
            return false;
        }
    }
}
