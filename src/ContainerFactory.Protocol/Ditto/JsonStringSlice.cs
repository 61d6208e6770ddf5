using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// A JSON string kept as a slice of the payload: the bytes between the quotes, still escaped when
/// <see cref="IsEscaped"/>. Reading it costs nothing; <see cref="GetString"/> allocates on demand.
/// </summary>
public readonly struct JsonStringSlice
{
    internal JsonStringSlice(ReadOnlySequence<byte> raw, bool isEscaped)
    {
        Raw = raw;
        IsEscaped = isEscaped;
        IsPresent = true;
    }

    /// <summary>The string's bytes between the quotes (escaped when <see cref="IsEscaped"/>).</summary>
    public ReadOnlySequence<byte> Raw { get; }

    /// <summary>True when the member was present as a JSON string.</summary>
    public bool IsPresent { get; }

    /// <summary>True when <see cref="Raw"/> contains JSON escapes.</summary>
    public bool IsEscaped { get; }

    /// <summary>True when absent or the empty string.</summary>
    public bool IsEmpty => !IsPresent || Raw.IsEmpty;

    /// <summary>Compares the unescaped text with <paramref name="utf8"/>, ordinally.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> utf8)
    {
        if (!IsPresent)
        {
            return false;
        }

        if (!IsEscaped)
        {
            return Raw.IsSingleSegment ? Raw.FirstSpan.SequenceEqual(utf8) : Raw.ToArray().AsSpan().SequenceEqual(utf8);
        }

        return Encoding.UTF8.GetBytes(GetString()).AsSpan().SequenceEqual(utf8);
    }

    /// <summary>The unescaped text; the empty string when absent.</summary>
    public string GetString()
    {
        if (!IsPresent)
        {
            return string.Empty;
        }

        if (!IsEscaped)
        {
            return Encoding.UTF8.GetString(Raw);
        }

        // Unescape through the JSON reader itself so that every escape form is handled exactly as JSON defines.
        byte[] quoted = new byte[Raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        Raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    /// <inheritdoc />
    public override string ToString() => GetString();
}
