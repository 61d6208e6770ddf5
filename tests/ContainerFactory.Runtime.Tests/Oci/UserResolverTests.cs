using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>USER strings resolved as containerd 1.6's WithUser + WithAdditionalGIDs do.</summary>
public sealed class UserResolverTests
{
    private const string Passwd = """
        # comment
        root:x:0:0:root:/root:/bin/sh

        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        www:x:33:33:www:/var/www:/usr/sbin/nologin
        app:x:1000:1000::/home/app:/bin/sh
        broken:x:notanumber:5::/:/bin/sh
        """;

    private const string Group = """
        root:x:0:root
        daemon:x:1:
        adm:x:4:root,app
        www:x:33:
        staff:x:50: app , www
        app:x:1000:app
        video:x:44:www
        """;

    public static TheoryData<string?, string, string> Resolved => new()
    {
        // user spec, expected "uid gid [additional]"
        { null, "0 0 [0,4]", "empty: root, groups listing root (not the group named root)" },
        { "", "0 0 [0,4]", "empty string as null" },
        { "app", "1000 1000 [1000,4,50]", "name: passwd ids, member groups in file order" },
        { "1000", "1000 1000 [1000,4,50]", "uid: gid from passwd, groups by the uid's name" },
        { "4242", "4242 0 [0]", "unknown uid: gid 0, no groups" },
        { "1000:44", "1000 44 [44,4,50]", "uid:gid: primary gid prepended to the member groups" },
        { "www:video", "33 44 [50,44]", "name:group: primary gid already a member group, not moved" },
        { "33:adm", "33 4 [4,50,44]", "uid:group" },
        { "app:0", "1000 0 [0,4,50]", "name:gid" },
        { "www", "33 33 [33,50,44]", "member lists are trimmed" },
    };

    [Theory]
    [MemberData(nameof(Resolved))]
    public void Resolve_Table_MatchesContainerd(string? user, string expected, string because)
    {
        var resolved = UserResolver.Resolve(user, Passwd, Group).Value;

        Assert.True(expected == Format(resolved), $"{because}: expected {expected}, got {Format(resolved)}");
    }

    [Theory]
    [InlineData("nobody", RuntimeErrorKind.NotFound)]
    [InlineData("app:nogroup", RuntimeErrorKind.NotFound)]
    [InlineData("nobody:0", RuntimeErrorKind.NotFound)]
    [InlineData("broken", RuntimeErrorKind.NotFound)]
    [InlineData("2147483648", RuntimeErrorKind.NotFound)] // above runc's maximum uid: taken as a name
    [InlineData("a:b:c", RuntimeErrorKind.InvalidArgument)]
    [InlineData("app:", RuntimeErrorKind.InvalidArgument)]
    [InlineData(":0", RuntimeErrorKind.InvalidArgument)]
    public void Resolve_Unresolvable_IsErrorValue(string user, RuntimeErrorKind kind)
    {
        Assert.Equal(kind, UserResolver.Resolve(user, Passwd, Group).Error!.Kind);
    }

    [Fact]
    public void Resolve_NameWithoutPasswdFile_NotFoundNamingTheFile()
    {
        var error = UserResolver.Resolve("app", null, Group).Error!;

        Assert.Equal(RuntimeErrorKind.NotFound, error.Kind);
        Assert.Equal("user \"app\" not found: the image has no /etc/passwd", error.Message);
    }

    [Fact]
    public void Resolve_GroupNameWithoutGroupFile_NotFound()
    {
        Assert.Equal("group \"adm\" not found: the image has no /etc/group", UserResolver.Resolve("0:adm", Passwd, null).Error!.Message);
    }

    [Theory]
    [InlineData(null, "0 0 [0]")]
    [InlineData("1000", "1000 0 [0]")]
    [InlineData("1000:1000", "1000 1000 [1000]")]
    public void Resolve_ImageWithoutFiles_NumericStillWorks(string? user, string expected)
    {
        Assert.Equal(expected, Format(UserResolver.Resolve(user, null, null).Value));
    }

    [Fact]
    public void Resolve_NoGroupFile_OnlyPrimaryGid()
    {
        Assert.Equal("1000 1000 [1000]", Format(UserResolver.Resolve("app", Passwd, null).Value));
    }

    private static string Format(ProcessUser user) => $"{user.Uid} {user.Gid} [{string.Join(',', user.AdditionalGids)}]";
}
