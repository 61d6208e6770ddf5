using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Registry;

/// <summary>A token endpoint's answer (Docker token spec and OAuth2); <c>access_token</c> wins over <c>token</c>.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn)
{
    public string? Effective => string.IsNullOrEmpty(AccessToken) ? Token : AccessToken;
}
