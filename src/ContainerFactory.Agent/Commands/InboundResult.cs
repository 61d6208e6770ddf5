namespace ContainerFactory.Agent.Commands;

/// <summary>What became of one inbound MQTT message: a command to run, a rejection to answer, or nothing.</summary>
public abstract record InboundResult;

/// <summary>The message was accepted as <paramref name="Command"/>.</summary>
public sealed record AcceptedInbound(AgentCommand Command) : InboundResult;

/// <summary>The message was rejected; <paramref name="Reply"/> says whether and where the error is answered.</summary>
public sealed record RejectedInbound(ReplyContext Reply, CommandError Error) : InboundResult;

/// <summary>The topic is not a command topic: logged, never answered (kanto-protocol §2.3 step 1).</summary>
public sealed record DroppedInbound(string Reason) : InboundResult;
