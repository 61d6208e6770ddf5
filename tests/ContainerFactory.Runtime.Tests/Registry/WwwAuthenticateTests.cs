using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.Runtime.Tests.Registry;

public sealed class WwwAuthenticateTests
{
    [Fact]
    public void Parse_BearerChallenge_ReadsRealmServiceScope()
    {
        var challenge = Assert.Single(WwwAuthenticate.Parse(
            "Bearer realm=\"http://127.0.0.1:5001/token\",service=\"cfnotes-registry\",scope=\"repository:test/bb:pull\""));

        Assert.True(challenge.IsBearer);
        Assert.Equal("http://127.0.0.1:5001/token", challenge["realm"]);
        Assert.Equal("cfnotes-registry", challenge["service"]);
        Assert.Equal("repository:test/bb:pull", challenge["scope"]);
    }

    [Fact]
    public void Parse_DockerHubChallenge_ReadsCommaInsideQuotedScope()
    {
        var challenge = Assert.Single(WwwAuthenticate.Parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/a:pull,push\""));

        Assert.Equal("repository:library/a:pull,push", challenge["scope"]);
        Assert.Equal(3, challenge.Parameters.Count);
    }

    [Fact]
    public void Parse_SeveralChallenges_KeepsOrderAndPrefersBearer()
    {
        var challenges = WwwAuthenticate.Parse("Basic realm=\"Registry Realm\", Bearer realm=\"https://a/token\", service=svc");

        Assert.Equal(["Basic", "Bearer"], challenges.Select(c => c.Scheme));
        Assert.Equal("Registry Realm", challenges[0]["realm"]);
        Assert.Equal("svc", challenges[1]["service"]);
        Assert.Same(challenges[1], WwwAuthenticate.Preferred(challenges));
    }

    [Fact]
    public void Parse_SpacesEscapesAndUppercaseNames_AreNormalized()
    {
        var challenge = Assert.Single(WwwAuthenticate.Parse("bearer  Realm = \"a \\\"quoted\\\" realm\" , error=\"invalid_token\""));

        Assert.True(challenge.IsBearer);
        Assert.Equal("a \"quoted\" realm", challenge["realm"]);
        Assert.Equal("invalid_token", challenge["error"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",,")]
    public void Parse_Empty_ReturnsNoChallenge(string header)
    {
        Assert.Empty(WwwAuthenticate.Parse(header));
        Assert.Null(WwwAuthenticate.Preferred(WwwAuthenticate.Parse(header)));
    }

    [Fact]
    public void Parse_SchemeWithoutParameters_IsAChallenge()
    {
        var challenge = Assert.Single(WwwAuthenticate.Parse("Basic"));

        Assert.True(challenge.IsBasic);
        Assert.Empty(challenge.Parameters);
    }
}
