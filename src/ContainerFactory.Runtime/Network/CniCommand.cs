namespace ContainerFactory.Runtime.Network;

/// <summary>The <c>CNI_COMMAND</c> values the agent uses.</summary>
public enum CniCommand
{
    /// <summary>Attach: run the list forward, each plugin gets the previous one's result.</summary>
    Add,

    /// <summary>Verify: run the list forward with the cached result.</summary>
    Check,

    /// <summary>Detach: run the list in reverse with the cached result; missing things are not errors.</summary>
    Del,

    /// <summary>Ask a plugin which spec versions it supports.</summary>
    Version,
}
