namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// Resolves an image <c>User</c> string against the image's <c>/etc/passwd</c> and <c>/etc/group</c> text, as
/// containerd 1.6's <c>WithUser</c> + <c>WithAdditionalGIDs</c> do inside <c>WithImageConfig</c>. Pure: the caller
/// reads the two files from the container's rootfs (null = the file does not exist).
/// </summary>
public static class UserResolver
{
    /// <summary>
    /// Resolves <paramref name="user"/>:
    /// empty → root (0:0); <c>uid</c> → that uid with its passwd gid (gid 0 when the uid has no entry);
    /// <c>name</c> → its passwd uid and gid; <c>uid:gid</c> → both as given; <c>name:group</c>, <c>uid:group</c>,
    /// <c>name:gid</c> → names looked up (uid from passwd, gid from group; the other part as given).
    /// Additional gids: the primary gid first, then the gid of every other group that lists the user (by its passwd
    /// name; <c>root</c> for an empty spec) as a member, in file order. Never throws.
    /// </summary>
    /// <param name="user">The image config's <c>User</c>; null or empty = root.</param>
    /// <param name="passwd">Text of <c>/etc/passwd</c>; null = the image has none.</param>
    /// <param name="group">Text of <c>/etc/group</c>; null = the image has none.</param>
    /// <returns>
    /// The user; <see cref="RuntimeErrorKind.NotFound"/> when a named user or group is missing (or its file is), or
    /// <see cref="RuntimeErrorKind.InvalidArgument"/> for a malformed string (more than one <c>:</c>, empty part).
    /// </returns>
    public static RuntimeResult<ProcessUser> Resolve(string? user, string? passwd, string? group)
    {
        var users = passwd is null ? null : EtcFiles.ParsePasswd(passwd).ToArray();
        var groups = group is null ? null : EtcFiles.ParseGroup(group).ToArray();
        if (string.IsNullOrEmpty(user))
        {
            return WithAdditionalGids(0, 0, "root", groups);
        }

        var parts = user.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid USER value \"{user}\"");
        }

        var ids = parts.Length == 1 ? ResolveOne(parts[0], users) : ResolvePair(parts[0], parts[1], users, groups);
        if (!ids.TryGetValue(out var resolved, out var error))
        {
            return error;
        }

        // containerd looks the user up again by uid to find its name for the group member lists.
        var name = users?.FirstOrDefault(u => u.Uid == resolved.Uid)?.Name;
        return WithAdditionalGids(resolved.Uid, resolved.Gid, name, groups);
    }

    private static RuntimeResult<(uint Uid, uint Gid)> ResolveOne(string part, PasswdEntry[]? users)
    {
        if (EtcFiles.TryParseId(part, out var uid))
        {
            var entry = users?.FirstOrDefault(u => u.Uid == uid);
            return (uid, entry?.Gid ?? 0);
        }

        var named = FindUser(part, users);
        return named.TryGetValue(out var found, out var error) ? (found.Uid, found.Gid) : error;
    }

    private static RuntimeResult<(uint Uid, uint Gid)> ResolvePair(
        string userPart, string groupPart, PasswdEntry[]? users, GroupEntry[]? groups)
    {
        if (!EtcFiles.TryParseId(userPart, out var uid))
        {
            if (!FindUser(userPart, users).TryGetValue(out var found, out var error))
            {
                return error;
            }

            uid = found.Uid;
        }

        if (!EtcFiles.TryParseId(groupPart, out var gid))
        {
            var entry = groups?.FirstOrDefault(g => g.Name == groupPart);
            if (entry is null)
            {
                return NotFound("group", groupPart, groups is null ? "/etc/group" : null);
            }

            gid = entry.Gid;
        }

        return (uid, gid);
    }

    private static RuntimeResult<PasswdEntry> FindUser(string name, PasswdEntry[]? users)
    {
        var entry = users?.FirstOrDefault(u => u.Name == name);
        return entry is null ? NotFound("user", name, users is null ? "/etc/passwd" : null) : entry;
    }

    private static ProcessUser WithAdditionalGids(uint uid, uint gid, string? name, GroupEntry[]? groups)
    {
        var supplementary = name is null || groups is null
            ? []
            : groups.Where(g => g.Name != name && g.Members.Contains(name)).Select(g => g.Gid);
        uint[] all = [.. supplementary];
        return new ProcessUser(uid, gid, all.Contains(gid) ? all : [gid, .. all]);
    }

    private static RuntimeError NotFound(string what, string name, string? missingFile) => new(
        RuntimeErrorKind.NotFound,
        missingFile is null ? $"{what} \"{name}\" not found in the image" : $"{what} \"{name}\" not found: the image has no {missingFile}");
}
