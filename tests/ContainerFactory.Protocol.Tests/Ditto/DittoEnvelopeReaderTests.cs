using System.Buffers;
using System.Text;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Tests.Support;

namespace ContainerFactory.Protocol.Tests.Ditto;

public class DittoEnvelopeReaderTests
{
    private static DittoEnvelope Read(string json) => DittoEnvelopeReader.Read(Encoding.UTF8.GetBytes(json));

    private static string Text(ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Read_PublishedCreateExample_ReadsEveryMember()
    {
        DittoEnvelope envelope = DittoEnvelopeReader.Read(TestData.Bytes("examples", "create.request.json"));

        Assert.Equal(EnvelopeError.None, envelope.Error);
        Assert.Equal("edge/device/things/live/messages/create", envelope.Topic.GetString());
        Assert.Equal("/features/ContainerFactory/inbox/messages/create", envelope.Path.GetString());
        Assert.True(envelope.HasHeaders);
        Assert.Equal("<UUID>", envelope.CorrelationId.GetString());
        Assert.True(envelope.ContentType.ValueEquals("application/json"u8));
        Assert.True(envelope.ResponseRequired);
        Assert.Equal(DittoValueKind.Object, envelope.ValueKind);
        Assert.Equal("{\n\t\t\"imageRef\":\"docker.io/library/hello-world:latest\",\n\t\t\"start\":true\n\t}", Text(envelope.Value));
    }

    [Fact]
    public void Read_PublishedCreateWithConfigExample_AcceptsTrailingCommas()
    {
        byte[] payload = TestData.Bytes("examples", "createWithConfig.request.json");

        DittoEnvelope envelope = DittoEnvelopeReader.Read(payload);

        Assert.Equal(EnvelopeError.None, envelope.Error);
        Assert.Equal("/features/ContainerFactory/inbox/messages/createWithConfig", envelope.Path.GetString());
        string value = Text(envelope.Value);
        Assert.StartsWith("{\n\t\t\"imageRef\":\"docker.io/library/influxdb:1.8.4\"", value, StringComparison.Ordinal);
        Assert.EndsWith("},\n\t\t}\n    }", value, StringComparison.Ordinal);
    }

    public static TheoryData<string> Vectors() => new(TestData.RequestVectors());

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Read_SplitAtEveryOffset_SameEnvelopeAsContiguous(string vector)
    {
        byte[] payload = TestData.Bytes(vector);
        DittoEnvelope whole = DittoEnvelopeReader.Read(payload);

        for (int offset = 1; offset < payload.Length; offset++)
        {
            AssertSameEnvelope(whole, DittoEnvelopeReader.Read(SegmentedSequence.Split(payload, offset)));
        }
    }

    /// <summary>
    /// A contiguous payload is read by the scanner and, when it declines, by Utf8JsonReader; a payload in two
    /// segments always by Utf8JsonReader. Both must give the same envelope, for well-formed and broken input.
    /// </summary>
    private static void AssertSameOnBothPaths(byte[] payload)
    {
        DittoEnvelope contiguous = DittoEnvelopeReader.Read(payload);
        DittoEnvelope jsonReader = DittoEnvelopeReader.Read(SegmentedSequence.Split(payload, 1));
        AssertSameEnvelope(jsonReader, contiguous, Encoding.UTF8.GetString(payload));
    }

    private static void AssertSameEnvelope(DittoEnvelope expected, DittoEnvelope actual, string? payload = null)
    {
        string context = payload is null ? string.Empty : $" for {payload}";
        Assert.True(expected.Error == actual.Error, $"error {expected.Error} != {actual.Error}{context}");
        AssertSameString(expected.Topic, actual.Topic, context);
        AssertSameString(expected.Path, actual.Path, context);
        Assert.True(expected.HasHeaders == actual.HasHeaders, $"HasHeaders{context}");
        AssertSameString(expected.CorrelationId, actual.CorrelationId, context);
        AssertSameString(expected.ContentType, actual.ContentType, context);
        Assert.True(expected.ResponseRequired == actual.ResponseRequired, $"ResponseRequired{context}");
        Assert.True(expected.ValueKind == actual.ValueKind, $"ValueKind {expected.ValueKind} != {actual.ValueKind}{context}");
        Assert.True(Text(expected.Value) == Text(actual.Value), $"Value{context}");
    }

    private static void AssertSameString(JsonStringSlice expected, JsonStringSlice actual, string context)
    {
        Assert.True(expected.IsPresent == actual.IsPresent, $"IsPresent{context}");
        Assert.True(expected.IsEscaped == actual.IsEscaped, $"IsEscaped{context}");
        Assert.True(Text(expected.Raw) == Text(actual.Raw), $"raw {Text(expected.Raw)} != {Text(actual.Raw)}{context}");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Read_VectorTruncatedAtEveryOffset_SameEnvelopeOnBothPaths(string vector)
    {
        byte[] payload = TestData.Bytes(vector);
        for (int length = 0; length <= payload.Length; length++)
        {
            AssertSameOnBothPaths(payload[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Read_VectorWithOneByteReplacedAnywhere_SameEnvelopeOnBothPaths(string vector)
    {
        byte[] payload = TestData.Bytes(vector);
        foreach (byte replacement in "\"\\{}[],:n1 \u0001"u8)
        {
            for (int offset = 0; offset < payload.Length; offset++)
            {
                byte[] mutated = (byte[])payload.Clone();
                mutated[offset] = replacement;
                AssertSameOnBothPaths(mutated);
            }
        }
    }

    [Theory]
    [InlineData("{\"value\":{\"cmd\":\"echo \\\"}{][\\\" \\\\\",\"x\":[[1,[2,[]]],{}]}}")]
    [InlineData("{\"value\":[[],[[\"]\"]],{\"a\":[{},],},],\"topic\":\"t\",}")]
    [InlineData("{\"headers\":{\"x\":[1,],\"correlation-id\":\"c\",},\"value\":{\"a\":1,},}")]
    [InlineData("{\"\\u0074opic\":\"escaped/name\",\"path\":\"/p\"}")]
    [InlineData("{\"headers\":{\"correlation\\u002did\":\"c\",\"response-required\":\"tru\\u0065\"}}")]
    [InlineData("{\"headers\":{\"Response-Required\":\"FaLsE\",\"CONTENT-TYPE\":null}}")]
    [InlineData("{\"headers\":{\"response-required\":\"\"}}")]
    [InlineData("{\"headers\":{\"response-required\":\"yes\"}}")]
    [InlineData("{\"topic\":\"a\",\"topic\":null,\"headers\":{\"correlation-id\":\"1\"},\"headers\":null,\"value\":1,\"value\":\"2\"}")]
    [InlineData("{\"headers\":{\"correlation-id\":\"1\"},\"headers\":{\"content-type\":\"t\"}}")]
    [InlineData("{\"topic\":\"a\",\"headers\":5}")]
    [InlineData("{\"topic\":\"a\",\"path\":{\"x\":1}}")]
    [InlineData("{\"topic\":\"é/✓\",\"value\":\"\\ud800\"}")]
    [InlineData("{\"value\":-0.5E+3}")]
    [InlineData("{\"value\":01}")]
    [InlineData("{\"value\":true,\"extra\":nul}")]
    [InlineData("{\"value\":{\"a\":1}} {}")]
    [InlineData("{\"value\":{\"a\":1}}\n\t ")]
    [InlineData("  {  \"value\"  :  [ 1 , 2 , ]  }  ")]
    public void Read_EdgeCases_SameEnvelopeOnBothPaths(string payload) =>
        AssertSameOnBothPaths(Encoding.UTF8.GetBytes(payload));

    [Theory]
    [InlineData("{\"Topic\":\"a/b\",\"PATH\":\"/p\",\"Headers\":{\"Correlation-ID\":\"c\",\"Content-Type\":\"application/json\",\"Response-Required\":\"FALSE\"},\"Value\":{\"x\":1}}")]
    [InlineData("{\"\\u0054opic\":\"a/b\",\"p\\u0041th\":\"/p\",\"headers\":{\"CORRELATION\\u002dID\":\"c\",\"response-required\":\"F\\u0061lse\"},\"value\":{\"x\":1}}")]
    public void Read_NamesInAnyCaseEscapedOrSplitAtEveryOffset_MatchedLikePlainLowerCaseNames(string json)
    {
        byte[] payload = Encoding.UTF8.GetBytes(json);

        DittoEnvelope whole = DittoEnvelopeReader.Read(payload);

        Assert.Equal(EnvelopeError.None, whole.Error);
        Assert.Equal("a/b", whole.Topic.GetString());
        Assert.Equal("/p", whole.Path.GetString());
        Assert.Equal("c", whole.CorrelationId.GetString());
        Assert.False(whole.ResponseRequired);
        Assert.Equal("{\"x\":1}", Text(whole.Value));
        for (int offset = 1; offset < payload.Length; offset++)
        {
            AssertSameEnvelope(whole, DittoEnvelopeReader.Read(SegmentedSequence.Split(payload, offset)), $"{json} split at {offset}");
        }
    }

    [Theory]
    [InlineData(JsonScanner.MaxDepth)]
    [InlineData(40)]
    [InlineData(64)]
    [InlineData(65)]
    public void Read_DeeplyNestedValue_SameEnvelopeOnBothPaths(int depth)
    {
        // The root object is depth 1, so the value's arrays reach depth + 1.
        string value = new string('[', depth) + new string(']', depth);
        AssertSameOnBothPaths(Encoding.UTF8.GetBytes("{\"topic\":\"a/b/c\",\"value\":" + value + "}"));
    }

    [Fact]
    public void Read_ValueWithEscapedQuotesAndBracketsInStrings_KeptWhole()
    {
        const string value = "{\"cmd\":\"echo \\\"}]\\\\\",\"args\":[[\"[\"],{\"}\":\"{\"},],}";
        DittoEnvelope envelope = Read("{\"value\":" + value + ",\"path\":\"/p\"}");

        Assert.Equal(EnvelopeError.None, envelope.Error);
        Assert.Equal(DittoValueKind.Object, envelope.ValueKind);
        Assert.Equal(value, Text(envelope.Value));
        Assert.Equal("/p", envelope.Path.GetString());
    }

    [Theory]
    [InlineData("examples/create.request.json")]
    [InlineData("examples/createWithConfig.request.json")]
    public void TryReadContiguous_PublishedExamples_ReadWithoutTheJsonReader(string example)
    {
        var state = new EnvelopeState();

        bool read = DittoEnvelopeReader.TryReadContiguous(new ReadOnlySequence<byte>(TestData.Bytes(example)), ref state);

        Assert.True(read);
        Assert.Equal(DittoValueKind.Object, state.ValueKind);
    }

    [Fact]
    public void Read_PublishedCreateExample_AllocatesNothing()
    {
        var payload = new ReadOnlySequence<byte>(TestData.Bytes("examples", "create.request.json"));
        DittoEnvelopeReader.Read(payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        DittoEnvelope envelope = default;
        for (int i = 0; i < 100; i++)
        {
            envelope = DittoEnvelopeReader.Read(payload);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(DittoValueKind.Object, envelope.ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"topic\"")]
    [InlineData("{\"topic\":\"a/b/c\"")]
    [InlineData("{\"topic\":\"a/b/c\"} trailing")]
    [InlineData("{\"topic\":\"a/b/c\"}{}")]
    [InlineData("{\"topic\":'a'}")]
    [InlineData("{topic:\"a\"}")]
    [InlineData("/* comment */{\"topic\":\"a/b/c\"}")]
    public void Read_NotAJsonObject_ReportsInvalidJson(string payload)
    {
        DittoEnvelope envelope = Read(payload);
        Assert.Equal(new EnvelopeError(EnvelopeErrorKind.InvalidJson, ""), envelope.Error);
    }

    [Theory]
    [InlineData("{\"topic\":1,\"path\":\"/\"}", EnvelopeErrorKind.InvalidMember, "topic")]
    [InlineData("{\"topic\":\"a/b/c\",\"path\":{}}", EnvelopeErrorKind.InvalidMember, "path")]
    [InlineData("{\"topic\":\"a/b/c\",\"headers\":\"x\"}", EnvelopeErrorKind.InvalidMember, "headers")]
    [InlineData("{\"headers\":{\"correlation-id\":5}}", EnvelopeErrorKind.InvalidHeader, "correlation-id")]
    [InlineData("{\"headers\":{\"content-type\":true}}", EnvelopeErrorKind.InvalidHeader, "content-type")]
    [InlineData("{\"headers\":{\"response-required\":\"yes\"}}", EnvelopeErrorKind.InvalidHeader, "response-required")]
    [InlineData("{\"headers\":{\"response-required\":1}}", EnvelopeErrorKind.InvalidHeader, "response-required")]
    [InlineData("{\"topic\":[],\"headers\":{\"correlation-id\":5}}", EnvelopeErrorKind.InvalidMember, "topic")]
    public void Read_KnownMemberOfWrongType_ReportsTheMember(string payload, EnvelopeErrorKind kind, string member)
    {
        DittoEnvelope envelope = Read(payload);
        Assert.Equal(new EnvelopeError(kind, member), envelope.Error);
    }

    [Theory]
    [InlineData("{\"headers\":{\"response-required\":true}}", true)]
    [InlineData("{\"headers\":{\"response-required\":false}}", false)]
    [InlineData("{\"headers\":{\"response-required\":\"true\"}}", true)]
    [InlineData("{\"headers\":{\"response-required\":\"FALSE\"}}", false)]
    [InlineData("{\"headers\":{\"response-required\":null}}", null)]
    [InlineData("{\"headers\":{}}", null)]
    [InlineData("{\"headers\":null}", null)]
    [InlineData("{}", null)]
    public void Read_ResponseRequired_IsTriState(string payload, bool? expected)
    {
        DittoEnvelope envelope = Read(payload);
        Assert.True(envelope.Error.IsNone);
        Assert.Equal(expected, envelope.ResponseRequired);
    }

    [Theory]
    [InlineData("{\"value\":{\"a\":[1,{}]}}", DittoValueKind.Object, "{\"a\":[1,{}]}")]
    [InlineData("{\"value\":[1, 2]}", DittoValueKind.Array, "[1, 2]")]
    [InlineData("{\"value\":\"x\\\"y\"}", DittoValueKind.String, "\"x\\\"y\"")]
    [InlineData("{\"value\":-12.5e3}", DittoValueKind.Number, "-12.5e3")]
    [InlineData("{\"value\":true}", DittoValueKind.Boolean, "true")]
    [InlineData("{\"value\":false}", DittoValueKind.Boolean, "false")]
    [InlineData("{\"value\":null}", DittoValueKind.Null, "null")]
    [InlineData("{\"topic\":\"a\"}", DittoValueKind.Absent, "")]
    public void Read_Value_KeptAsRawSliceWithItsKind(string payload, DittoValueKind kind, string raw)
    {
        DittoEnvelope envelope = Read(payload);
        Assert.True(envelope.Error.IsNone);
        Assert.Equal(kind, envelope.ValueKind);
        Assert.Equal(raw, Text(envelope.Value));
        Assert.Equal(kind is not (DittoValueKind.Absent or DittoValueKind.Null), envelope.HasValue);
    }

    [Fact]
    public void Read_MemberNamesInOtherCase_MatchLikeKanto()
    {
        DittoEnvelope envelope = Read("{\"Topic\":\"a/b/things/live/messages/x\",\"PATH\":\"/p\",\"Headers\":{\"Correlation-Id\":\"c\",\"Response-Required\":true},\"Value\":1}");

        Assert.Equal("a/b/things/live/messages/x", envelope.Topic.GetString());
        Assert.Equal("/p", envelope.Path.GetString());
        Assert.Equal("c", envelope.CorrelationId.GetString());
        Assert.True(envelope.ResponseRequired);
        Assert.Equal(DittoValueKind.Number, envelope.ValueKind);
    }

    [Fact]
    public void Read_EscapedStrings_AreUnescapedOnDemand()
    {
        DittoEnvelope envelope = Read("{\"topic\":\"edge\\/device\\u002Fthings\",\"headers\":{\"correlation-id\":\"a\\\"b\"}}");

        Assert.True(envelope.Topic.IsEscaped);
        Assert.Equal("edge/device/things", envelope.Topic.GetString());
        Assert.True(envelope.Topic.ValueEquals("edge/device/things"u8));
        Assert.Equal("a\"b", envelope.CorrelationId.GetString());
    }

    [Fact]
    public void Read_UnknownMembers_AreSkipped()
    {
        DittoEnvelope envelope = Read("{\"extra\":{\"topic\":\"no\"},\"topic\":\"a/b/c\",\"revision\":3,\"headers\":{\"x\":[1],\"correlation-id\":\"c\"},}");

        Assert.True(envelope.Error.IsNone);
        Assert.Equal("a/b/c", envelope.Topic.GetString());
        Assert.Equal("c", envelope.CorrelationId.GetString());
        Assert.False(envelope.Path.IsPresent);
    }

    [Fact]
    public void Read_NullTopic_IsNotPresent()
    {
        DittoEnvelope envelope = Read("{\"topic\":null,\"path\":\"\"}");

        Assert.True(envelope.Error.IsNone);
        Assert.False(envelope.Topic.IsPresent);
        Assert.True(envelope.Topic.IsEmpty);
        Assert.True(envelope.Path.IsPresent);
        Assert.True(envelope.Path.IsEmpty);
    }
}
