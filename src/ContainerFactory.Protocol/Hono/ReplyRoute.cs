namespace ContainerFactory.Protocol.Hono;

/// <summary>
/// Where the reply to one command goes (PRODUCT.md §2.2): nowhere, to the Kanto/Hono status topic, or to the
/// published page's <c>res//&lt;command&gt;</c> topic.
/// </summary>
public readonly record struct ReplyRoute
{
    private readonly HonoCommandTopic _request;

    private ReplyRoute(ReplyRouteKind kind, HonoCommandTopic request)
    {
        Kind = kind;
        _request = request;
    }

    /// <summary>How the reply is routed.</summary>
    public ReplyRouteKind Kind { get; }

    /// <summary>True when a reply is to be published.</summary>
    public bool Replies => Kind != ReplyRouteKind.None;

    /// <summary>
    /// Applies the reply rule. With a request id, a reply is sent unless <c>response-required</c> is explicitly
    /// false. Without one (<c>req//cmd</c>), a reply is sent only when it is explicitly true.
    /// </summary>
    /// <param name="request">The parsed request topic.</param>
    /// <param name="responseRequired">The <c>response-required</c> header; null when absent or unknown.</param>
    public static ReplyRoute For(HonoCommandTopic request, bool? responseRequired)
    {
        if (request.IsOneWayForm)
        {
            return new ReplyRoute(responseRequired == true ? ReplyRouteKind.CommandEcho : ReplyRouteKind.None, request);
        }

        return new ReplyRoute(responseRequired == false ? ReplyRouteKind.None : ReplyRouteKind.StatusTopic, request);
    }

    /// <summary>The MQTT topic of a reply with <paramref name="status"/>; null when no reply is sent.</summary>
    public string? TopicFor(int status) => Kind switch
    {
        ReplyRouteKind.StatusTopic => HonoTopics.Response(_request.ThingId, _request.RequestId, status),
        ReplyRouteKind.CommandEcho => HonoTopics.CommandEchoResponse(_request.ThingId, _request.Command),
        _ => null,
    };
}
