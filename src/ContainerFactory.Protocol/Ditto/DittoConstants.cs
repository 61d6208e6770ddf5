namespace ContainerFactory.Protocol.Ditto;

/// <summary>Ditto protocol and Kanto feature constants (kanto-protocol §2, §3.1, §4.1). Names are wire facts.</summary>
public static class DittoConstants
{
    /// <summary>Header carrying the client-chosen correlation id, echoed in replies.</summary>
    public const string CorrelationIdHeader = "correlation-id";

    /// <summary>Header saying whether a reply is wanted.</summary>
    public const string ResponseRequiredHeader = "response-required";

    /// <summary>Header naming the content type of <c>value</c>.</summary>
    public const string ContentTypeHeader = "content-type";

    /// <summary>The only content type accepted and written.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>Error code of invalid input (400).</summary>
    public const string ParameterInvalid = "messages:parameter.invalid";

    /// <summary>Error code of an unknown subject (404).</summary>
    public const string SubjectNotFound = "messages:subject.notfound";

    /// <summary>Error code of a failed execution (500, 503).</summary>
    public const string ExecutionFailed = "messages:execution.failed";

    /// <summary>Topic of an error reply to an envelope whose own topic is unknown.</summary>
    public const string UnknownErrorTopic = "unknown/unknown/things/twin/errors";

    /// <summary>Feature id of the container factory.</summary>
    public const string ContainerFactoryFeature = "ContainerFactory";

    /// <summary>Definition of the container factory feature.</summary>
    public const string ContainerFactoryDefinition = "com.bosch.iot.suite.edge.containers:ContainerFactory:1.3.0";

    /// <summary>Prefix of per-container feature ids (<c>Container:&lt;id&gt;</c>).</summary>
    public const string ContainerFeaturePrefix = "Container:";

    /// <summary>Definition of a container feature.</summary>
    public const string ContainerDefinition = "com.bosch.iot.suite.edge.containers:Container:1.5.0";

    /// <summary>Suffix of Ditto twin modify topics after <c>&lt;ns&gt;/&lt;name&gt;</c>.</summary>
    public const string TwinModifySuffix = "/things/twin/commands/modify";

    /// <summary>Suffix of Ditto twin delete topics after <c>&lt;ns&gt;/&lt;name&gt;</c>.</summary>
    public const string TwinDeleteSuffix = "/things/twin/commands/delete";
}
