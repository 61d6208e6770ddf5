namespace ContainerFactory.Protocol.Ditto;

/// <summary>The JSON kind of an envelope's <c>value</c>.</summary>
public enum DittoValueKind
{
    /// <summary>No <c>value</c> member.</summary>
    Absent,

    /// <summary><c>"value": null</c>.</summary>
    Null,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
