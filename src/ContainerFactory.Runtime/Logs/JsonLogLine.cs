using System.Buffers;
using System.Text;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Formats one json-file line exactly as kanto-protocol §7.6 shows it:
/// <c>{"stream":"stdout","log":"&lt;escaped&gt;","time":"&lt;RFC3339Nano&gt;"}</c> and <c>\n</c>, keys in that order.
/// <para>
/// Escaping is relaxed but valid JSON, like docker's json-file writer: <c>"</c> and <c>\</c> get a backslash;
/// <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c> their short escapes; other bytes below 0x20 become
/// <c>\u00XX</c> (lower-case hex); valid UTF-8 is copied as is (including characters outside the BMP and
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, DEL) except U+2028/U+2029 (<c>\u2028</c>, <c>\u2029</c>, as docker);
/// each maximal invalid UTF-8 sequence becomes <c>\ufffd</c>. Hand-written rather than <c>Utf8JsonWriter</c>:
/// its encoders always escape non-BMP characters (emoji as <c>\uD83D\uDE00</c>), and a custom encoder needs
/// unsafe code.
/// </para>
/// </summary>
internal static class JsonLogLine
{
    private static readonly SearchValues<byte> NeedsCare = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>The most bytes <see cref="Write"/> produces for <paramref name="contentLength"/> bytes of content.</summary>
    public static int MaxLength(int contentLength) => (contentLength * 6) + 80;

    /// <summary>Appends the line for <paramref name="content"/> to <paramref name="output"/>; returns the bytes written.</summary>
    public static int Write(IBufferWriter<byte> output, LogStream stream, ReadOnlySpan<byte> content, DateTime time)
    {
        Span<byte> d = output.GetSpan(MaxLength(content.Length));
        int n = Append(d, 0, stream == LogStream.Stdout ? "{\"stream\":\"stdout\",\"log\":\""u8 : "{\"stream\":\"stderr\",\"log\":\""u8);
        n += Escape(content, d[n..]);
        n = Append(d, n, "\",\"time\":\""u8);
        Rfc3339Nano.Format(time, d[n..]);
        n = Append(d, n + Rfc3339Nano.Length, "\"}\n"u8);
        output.Advance(n);
        return n;
    }

    /// <summary>The line as a string (tests).</summary>
    public static string ToText(LogStream stream, ReadOnlySpan<byte> content, DateTime time)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, stream, content, time);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the escaped form of <paramref name="source"/>; <paramref name="destination"/> holds 6 bytes per source byte.</summary>
    private static int Escape(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int written = 0;
        while (true)
        {
            int special = source.IndexOfAny(NeedsCare);
            if (special < 0)
            {
                source.CopyTo(destination[written..]);
                return written + source.Length;
            }

            source[..special].CopyTo(destination[written..]);
            written += special;
            source = source[special..];
            int consumed = 1;
            byte b = source[0];
            if (b < 0x80)
            {
                written += EscapeAscii(b, destination[written..]);
            }
            else if (Rune.DecodeFromUtf8(source, out Rune rune, out consumed) != OperationStatus.Done)
            {
                written = Append(destination, written, "\\ufffd"u8);
            }
            else if (rune.Value is 0x2028 or 0x2029)
            {
                written = Append(destination, written, rune.Value == 0x2028 ? "\\u2028"u8 : "\\u2029"u8);
            }
            else
            {
                source[..consumed].CopyTo(destination[written..]);
                written += consumed;
            }

            source = source[consumed..];
        }
    }

    private static int EscapeAscii(byte b, Span<byte> d)
    {
        byte shortForm = b switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            (byte)'\b' => (byte)'b',
            (byte)'\f' => (byte)'f',
            _ => 0,
        };
        d[0] = (byte)'\\';
        if (shortForm != 0)
        {
            d[1] = shortForm;
            return 2;
        }

        "u00"u8.CopyTo(d[1..]);
        d[4] = Hex[b >> 4];
        d[5] = Hex[b & 0xF];
        return 6;
    }

    private static int Append(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }
}
