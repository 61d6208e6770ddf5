using System.Globalization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>/etc/passwd</c> line: <c>name:password:uid:gid:gecos:home:shell</c> (only what we use).</summary>
internal sealed record PasswdEntry(string Name, uint Uid, uint Gid);

/// <summary>One <c>/etc/group</c> line: <c>name:password:gid:member,member</c>.</summary>
internal sealed record GroupEntry(string Name, uint Gid, IReadOnlyList<string> Members);

/// <summary>
/// Parsers for the image's passwd and group files. Blank lines and <c>#</c> comments are skipped, and so is a line
/// whose id fields are not decimal numbers (runc would read them as 0; skipping cannot grant root by accident).
/// </summary>
internal static class EtcFiles
{
    public static IEnumerable<PasswdEntry> ParsePasswd(string text)
    {
        foreach (var fields in Lines(text))
        {
            if (fields.Length >= 4 && TryParseId(fields[2], out var uid) && TryParseId(fields[3], out var gid))
            {
                yield return new PasswdEntry(fields[0], uid, gid);
            }
        }
    }

    public static IEnumerable<GroupEntry> ParseGroup(string text)
    {
        foreach (var fields in Lines(text))
        {
            if (fields.Length >= 3 && TryParseId(fields[2], out var gid))
            {
                var members = fields.Length > 3
                    ? fields[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : [];
                yield return new GroupEntry(fields[0], gid, members);
            }
        }
    }

    /// <summary>A decimal id as containerd accepts it in a USER string or file: 0 … 2³¹−1 (runc's limit).</summary>
    public static bool TryParseId(string text, out uint id) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id <= int.MaxValue;

    private static IEnumerable<string[]> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split(':');
            }
        }
    }
}
