using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>decryption</c> object; members in re-emit order.</summary>
public sealed record KantoDecryption
{
    /// <summary>Private keys <c>path[:password]</c>; a null element counts as "".</summary>
    [JsonPropertyName("keys")] public IReadOnlyList<string?>? Keys { get; init; }

    /// <summary>Recipients, e.g. <c>pkcs7:/path/cert.pem</c>; a null element counts as "".</summary>
    [JsonPropertyName("recipients")] public IReadOnlyList<string?>? Recipients { get; init; }
}
