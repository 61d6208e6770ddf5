namespace ContainerFactory.Config.Containers;

/// <summary>Keys for encrypted images (ocicrypt), as imgcrypt expects them.</summary>
/// <param name="Keys">Private keys, <c>path_to_private_key[:password]</c>; may be empty.</param>
/// <param name="Recipients">Recipients, e.g. <c>pkcs7:/path/cert.pem</c>; may be empty.</param>
public sealed record Decryption(IReadOnlyList<string> Keys, IReadOnlyList<string> Recipients)
{
    /// <summary>No keys and no recipients: the image is not decrypted.</summary>
    public static Decryption None { get; } = new([], []);

    /// <summary>True when there are neither keys nor recipients.</summary>
    public bool IsEmpty => Keys.Count == 0 && Recipients.Count == 0;
}
