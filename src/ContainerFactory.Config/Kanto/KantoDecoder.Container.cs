using System.Diagnostics.CodeAnalysis;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Kanto;

public static partial class KantoDecoder
{
    /// <summary>Decodes an <c>update</c> value <c>{restartPolicy, resources}</c>; absent or null members stay null (unchanged).</summary>
    /// <param name="value">UTF-8 JSON of the value; empty = <c>{}</c>.</param>
    /// <param name="request">The request when the result is true.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeUpdate(
        ReadOnlySpan<byte> value,
        [NotNullWhen(true)] out UpdateRequest? request,
        [NotNullWhen(false)] out ConfigError? error)
    {
        request = null;
        if (!TryDeserialize(value, KantoJson.Default.KantoUpdateValue, "object", out var wire, out error))
        {
            return false;
        }

        request = new UpdateRequest(wire?.RestartPolicy, wire?.Resources);
        return true;
    }

    /// <summary>Decodes a <c>stopWithOptions</c> value <c>{force, timeout, signal}</c>; the signal must be a JSON string.</summary>
    /// <param name="value">UTF-8 JSON of the value; empty = <c>{}</c>.</param>
    /// <param name="request">The request (defaults false, 0, "") when the result is true.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeStopWithOptions(
        ReadOnlySpan<byte> value,
        [NotNullWhen(true)] out StopRequest? request,
        [NotNullWhen(false)] out ConfigError? error)
    {
        request = null;
        if (!TryDeserialize(value, KantoJson.Default.KantoStopOptions, "object", out var wire, out error))
        {
            return false;
        }

        request = new StopRequest(wire?.Force ?? false, wire?.Timeout ?? 0, wire?.Signal ?? "");
        return true;
    }

    /// <summary>Decodes a <c>rename</c> value, a JSON string; null or empty = "" (a no-op for the caller).</summary>
    /// <param name="value">UTF-8 JSON of the value.</param>
    /// <param name="name">The new name (not validated, see <see cref="ContainerValidation.ValidateRename"/>) when the result is true.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeRename(
        ReadOnlySpan<byte> value,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(false)] out ConfigError? error)
    {
        var ok = TryDeserialize(value, KantoJson.Default.String, "string", out var wire, out error);
        name = ok ? wire ?? "" : null;
        return ok;
    }

    /// <summary>Decodes a <c>remove</c> value, a JSON boolean <c>force</c>; null or empty = false.</summary>
    /// <param name="value">UTF-8 JSON of the value.</param>
    /// <param name="force">The force flag when the result is true; false otherwise.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeRemove(
        ReadOnlySpan<byte> value,
        out bool force,
        [NotNullWhen(false)] out ConfigError? error)
    {
        var ok = TryDeserialize(value, KantoJson.Default.NullableBoolean, "boolean", out var wire, out error);
        force = ok && wire == true;
        return ok;
    }
}
