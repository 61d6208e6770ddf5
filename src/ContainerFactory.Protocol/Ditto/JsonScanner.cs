namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// A forward-only scanner over contiguous UTF-8 JSON that validates as it goes and never throws: it accepts
/// JSON (RFC 8259) with trailing commas in objects and arrays, the grammar <see cref="System.Text.Json.Utf8JsonReader"/>
/// accepts with <c>AllowTrailingCommas</c> and comments disallowed, and declines nesting deeper than
/// <see cref="MaxDepth"/>. Every <c>Try*</c> returns false on anything it does not accept; the caller then asks
/// <c>Utf8JsonReader</c>, so nothing this scanner accepts is rejected by the reader. Like the reader, it does
/// not check UTF-8 inside strings or the pairing of <c>\u</c> surrogates (both surface when a string is unescaped).
/// </summary>
internal ref partial struct JsonScanner
{
    /// <summary>The deepest nesting accepted (the root object is depth 1); the reader's own limit is 64.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _json;
    private int _position;

    public JsonScanner(ReadOnlySpan<byte> json)
    {
        _json = json;
    }

    /// <summary>The offset of the next byte not yet consumed.</summary>
    public readonly int Position => _position;

    /// <summary>Skips whitespace; true with the next byte, false at the end of the input.</summary>
    public bool TryPeek(out byte next)
    {
        ReadOnlySpan<byte> json = _json;
        int position = _position;
        while ((uint)position < (uint)json.Length)
        {
            next = json[position];
            if (next is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                _position = position;
                return true;
            }

            position++;
        }

        _position = position;
        next = 0;
        return false;
    }

    /// <summary>Skips whitespace and consumes <paramref name="expected"/>; false when another byte or nothing follows.</summary>
    public bool TryConsume(byte expected)
    {
        if (!TryPeek(out byte next) || next != expected)
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>True when nothing but whitespace is left.</summary>
    public bool IsAtEnd() => !TryPeek(out _);

    /// <summary>
    /// Moves to the next member of the object being read, after its <c>{</c> (<paramref name="afterMember"/>
    /// false) or after a member's value (true): either true with the member's name (the bytes between the
    /// quotes) and the <c>:</c> consumed, or true with <paramref name="closed"/> once the closing <c>}</c> is
    /// consumed (a trailing comma before it is accepted); false for anything else.
    /// </summary>
    public bool TryNextMember(bool afterMember, out ReadOnlySpan<byte> name, out bool nameIsEscaped, out bool closed)
    {
        name = default;
        nameIsEscaped = false;
        closed = false;
        if (!TryPeek(out byte next))
        {
            return false;
        }

        if (afterMember)
        {
            if (next == (byte)',')
            {
                _position++;
                if (!TryPeek(out next))
                {
                    return false;
                }
            }
            else if (next != (byte)'}')
            {
                return false;
            }
        }

        if (next == (byte)'}')
        {
            _position++;
            closed = true;
            return true;
        }

        if (!TryReadString(out int start, out int length, out nameIsEscaped))
        {
            return false;
        }

        name = _json.Slice(start, length);
        return TryConsume((byte)':');
    }

    /// <summary>
    /// Skips the value that starts at the next byte (whitespace already skipped), validating all of it; the
    /// value sits at <paramref name="depth"/> (a member of the root object is at depth 1).
    /// </summary>
    public bool TrySkipValue(int depth)
    {
        if ((uint)_position >= (uint)_json.Length)
        {
            return false;
        }

        return _json[_position] switch
        {
            (byte)'{' => TrySkipObject(depth + 1),
            (byte)'[' => TrySkipArray(depth + 1),
            (byte)'"' => TryReadString(out _, out _, out _),
            (byte)'t' => TryConsumeLiteral("true"u8),
            (byte)'f' => TryConsumeLiteral("false"u8),
            (byte)'n' => TryConsumeLiteral("null"u8),
            _ => TrySkipNumber(),
        };
    }

    private bool TrySkipObject(int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        _position++;
        bool afterMember = false;
        while (TryNextMember(afterMember, out _, out _, out bool closed))
        {
            if (closed)
            {
                return true;
            }

            if (!TryPeek(out _) || !TrySkipValue(depth))
            {
                return false;
            }

            afterMember = true;
        }

        return false;
    }

    private bool TrySkipArray(int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        _position++;
        bool afterElement = false;
        while (TryPeek(out byte next))
        {
            if (afterElement)
            {
                if (next == (byte)']')
                {
                    _position++;
                    return true;
                }

                if (next != (byte)',')
                {
                    return false;
                }

                // After the comma another element, or (a trailing comma) the end of the array.
                _position++;
                if (!TryPeek(out next))
                {
                    return false;
                }
            }

            if (next == (byte)']')
            {
                _position++;
                return true;
            }

            if (!TrySkipValue(depth))
            {
                return false;
            }

            afterElement = true;
        }

        return false;
    }
}
