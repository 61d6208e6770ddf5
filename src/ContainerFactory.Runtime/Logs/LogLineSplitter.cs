namespace ContainerFactory.Runtime.Logs;

/// <summary>Receives one log entry; the span is only valid during the call.</summary>
internal delegate void LogEntryHandler(ReadOnlySpan<byte> entry);

/// <summary>
/// Cuts one pipe's bytes into log entries the way docker's copier does: an entry is a line including its
/// <c>\n</c>; a line longer than <see cref="MaxEntry"/> (16 KiB) is emitted in pieces of at most 16 KiB without
/// <c>\n</c> (docker's "partial" messages) followed by the rest with its <c>\n</c>; a piece ends before a UTF-8
/// character that would straddle the cut, so pieces stay valid UTF-8. Bytes left at end of stream become a last
/// entry without <c>\n</c>. One instance per pipe; not thread-safe.
/// </summary>
internal sealed class LogLineSplitter
{
    /// <summary>Most content bytes in one entry, not counting its <c>\n</c>.</summary>
    public const int MaxEntry = 16 * 1024;

    private readonly byte[] _carry = new byte[MaxEntry + 1];
    private int _carried;

    /// <summary>Emits every entry completed by <paramref name="data"/> and keeps an unfinished line for the next call.</summary>
    public void Split(ReadOnlySpan<byte> data, LogEntryHandler emit)
    {
        while (!data.IsEmpty)
        {
            int room = MaxEntry - _carried;
            int newline = data[..Math.Min(data.Length, room + 1)].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Emit(data[..(newline + 1)], emit);
                data = data[(newline + 1)..];
            }
            else if (data.Length > room)
            {
                int cut = Utf8Cut(data, room);
                Emit(data[..cut], emit);
                data = data[cut..];
            }
            else
            {
                data.CopyTo(_carry.AsSpan(_carried));
                _carried += data.Length;
                return;
            }
        }
    }

    /// <summary>At end of stream: emits the unfinished line, if any, without <c>\n</c>.</summary>
    public void Finish(LogEntryHandler emit)
    {
        if (_carried > 0)
        {
            emit(_carry.AsSpan(0, _carried));
            _carried = 0;
        }
    }

    private void Emit(ReadOnlySpan<byte> tail, LogEntryHandler emit)
    {
        if (_carried == 0)
        {
            emit(tail);
            return;
        }

        tail.CopyTo(_carry.AsSpan(_carried));
        emit(_carry.AsSpan(0, _carried + tail.Length));
        _carried = 0;
    }

    /// <summary>Moves a cut at <paramref name="cut"/> back to the start of a UTF-8 character it would split (at most 3 bytes).</summary>
    private static int Utf8Cut(ReadOnlySpan<byte> data, int cut)
    {
        int i = cut;
        while (i > 0 && cut - i < 3 && IsContinuation(data[i]))
        {
            i--;
        }

        return i < cut && data[i] >= 0xC0 ? i : cut;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
