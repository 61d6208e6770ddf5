namespace ContainerFactory.Agent.Commands;

/// <summary>A command the agent executes, with where its reply goes. The hierarchy is closed; dispatch is one switch.</summary>
/// <param name="Reply">Where and how to answer.</param>
public abstract record AgentCommand(ReplyContext Reply);
