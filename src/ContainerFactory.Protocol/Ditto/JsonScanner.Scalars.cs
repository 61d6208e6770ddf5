using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContainerFactory.Protocol.Ditto;

internal ref partial struct JsonScanner
{
    /// <summary>
    /// Reads the string that starts at the next byte: true with the offset and length of the bytes between its
    /// quotes and whether they contain escapes (each escape checked to be one JSON allows); false otherwise.
    /// </summary>
    public bool TryReadString(out int start, out int length, out bool isEscaped)
    {
        start = _position + 1;
        length = 0;
        isEscaped = false;
        if ((uint)_position >= (uint)_json.Length || _json[_position] != (byte)'"')
        {
            return false;
        }

        int position = start;
        while (true)
        {
            int stop = IndexOfStringStop(_json.Slice(position));
            if (stop < 0)
            {
                return false;
            }

            position += stop;
            byte b = _json[position];
            if (b == (byte)'"')
            {
                length = position - start;
                _position = position + 1;
                return true;
            }

            if (b != (byte)'\\' || !TrySkipEscape(ref position))
            {
                return false;
            }

            isEscaped = true;
        }
    }

    /// <summary>Consumes <paramref name="literal"/> (<c>true</c>, <c>false</c> or <c>null</c>) at the next byte.</summary>
    public bool TryConsumeLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_json.Slice(_position).StartsWith(literal))
        {
            return false;
        }

        _position += literal.Length;
        return true;
    }

    /// <summary>A JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>; what follows is checked by the caller.</summary>
    private bool TrySkipNumber()
    {
        ReadOnlySpan<byte> json = _json;
        int position = _position;
        if (position < json.Length && json[position] == (byte)'-')
        {
            position++;
        }

        if (position < json.Length && json[position] == (byte)'0')
        {
            position++;
        }
        else if (!TrySkipDigits(json, ref position))
        {
            return false;
        }

        if (position < json.Length && json[position] == (byte)'.')
        {
            position++;
            if (!TrySkipDigits(json, ref position))
            {
                return false;
            }
        }

        if (position < json.Length && (json[position] | 0x20) == (byte)'e')
        {
            position++;
            if (position < json.Length && json[position] is (byte)'+' or (byte)'-')
            {
                position++;
            }

            if (!TrySkipDigits(json, ref position))
            {
                return false;
            }
        }

        _position = position;
        return true;
    }

    /// <summary>
    /// The offset of the first byte that ends a run of plain string bytes: the closing quote, a backslash, or a
    /// control character (not allowed raw in a JSON string); -1 when there is none. Sixteen bytes at a time.
    /// </summary>
    private static int IndexOfStringStop(ReadOnlySpan<byte> text)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte first = ref MemoryMarshal.GetReference(text);
            Vector128<byte> quote = Vector128.Create((byte)'"');
            Vector128<byte> backslash = Vector128.Create((byte)'\\');
            Vector128<byte> space = Vector128.Create((byte)' ');
            for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref first, (nuint)i);
                Vector128<byte> stops = Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes, space);
                if (stops != Vector128<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(Vector128.ExtractMostSignificantBits(stops));
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] is (byte)'"' or (byte)'\\' or < (byte)' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One or more ASCII digits.</summary>
    private static bool TrySkipDigits(ReadOnlySpan<byte> json, ref int position)
    {
        int start = position;
        while (position < json.Length && char.IsAsciiDigit((char)json[position]))
        {
            position++;
        }

        return position > start;
    }

    /// <summary>An escape at <paramref name="position"/> (its backslash): one of <c>\" \\ \/ \b \f \n \r \t</c> or <c>\u</c> and four hex digits.</summary>
    private readonly bool TrySkipEscape(ref int position)
    {
        ReadOnlySpan<byte> json = _json;
        if (position + 1 >= json.Length)
        {
            return false;
        }

        switch (json[position + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                position += 2;
                return true;
            case (byte)'u':
                if (position + 6 > json.Length)
                {
                    return false;
                }

                foreach (byte hex in json.Slice(position + 2, 4))
                {
                    if (!char.IsAsciiHexDigit((char)hex))
                    {
                        return false;
                    }
                }

                position += 6;
                return true;
            default:
                return false;
        }
    }
}
