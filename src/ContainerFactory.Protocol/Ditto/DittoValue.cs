namespace ContainerFactory.Protocol.Ditto;

/// <summary>The <c>value</c> of an outbound message: none, a JSON string, raw JSON, or an error object.</summary>
public readonly struct DittoValue
{
    private DittoValue(DittoValueKind kind, string? text, ReadOnlyMemory<byte> rawJson, DittoError? error)
    {
        Kind = kind;
        Text = text;
        RawJson = rawJson;
        Error = error;
    }

    /// <summary>No value (e.g. a 204 reply, a twin delete).</summary>
    public static DittoValue None => default;

    /// <summary>What kind of value this is (<see cref="DittoValueKind.Absent"/> for none).</summary>
    public DittoValueKind Kind { get; }

    /// <summary>The text of a string value.</summary>
    public string? Text { get; }

    /// <summary>Raw, already valid JSON written as it is.</summary>
    public ReadOnlyMemory<byte> RawJson { get; }

    /// <summary>The error of an error value.</summary>
    public DittoError? Error { get; }

    /// <summary>True when there is a value to write.</summary>
    public bool HasValue => Kind != DittoValueKind.Absent;

    /// <summary>A JSON string value, such as a container id.</summary>
    public static DittoValue FromString(string text) => new(DittoValueKind.String, text, default, null);

    /// <summary>Raw JSON (object, array or scalar) that is already valid; it is not re-validated.</summary>
    public static DittoValue FromRawJson(ReadOnlyMemory<byte> json) => new(DittoValueKind.Object, null, json, null);

    /// <summary>An error object.</summary>
    public static DittoValue FromError(DittoError error) => new(DittoValueKind.Object, null, default, error);
}
