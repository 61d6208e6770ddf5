using System.Text;
using System.Text.Json;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Tests.Support;

namespace ContainerFactory.Protocol.Tests.Ditto;

/// <summary>
/// The scanner against its oracle, <see cref="Utf8JsonReader"/> with the envelope reader's options: within
/// <see cref="JsonScanner.MaxDepth"/> both accept exactly the same documents, and a skipped value ends where the
/// reader's does.
/// </summary>
public class JsonScannerTests
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true };

    /// <summary>The whole input is one JSON value (whitespace around it allowed), by the scanner.</summary>
    private static bool ScannerAccepts(ReadOnlySpan<byte> json, out int valueEnd)
    {
        var scanner = new JsonScanner(json);
        bool accepted = scanner.TryPeek(out _) && scanner.TrySkipValue(0);
        valueEnd = scanner.Position;
        return accepted && scanner.IsAtEnd();
    }

    /// <summary>The same, by the reader; <paramref name="valueEnd"/> is where its root value ends.</summary>
    private static bool ReaderAccepts(ReadOnlySpan<byte> json, out long valueEnd)
    {
        valueEnd = -1;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            valueEnd = reader.BytesConsumed;
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AssertAgreesWithReader(byte[] json)
    {
        bool expected = ReaderAccepts(json, out long readerEnd);
        bool actual = ScannerAccepts(json, out int scannerEnd);

        Assert.True(expected == actual, $"reader {(expected ? "accepts" : "rejects")}, scanner {(actual ? "accepts" : "rejects")}: {Encoding.UTF8.GetString(json)}");
        if (actual)
        {
            Assert.Equal(readerEnd, scannerEnd);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData(" \t\r\n{ } \n")]
    [InlineData("[]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[[1,],{\"a\":[],},]")]
    [InlineData("{,}")]
    [InlineData("[,]")]
    [InlineData("[1,,]")]
    [InlineData("{\"a\":1,,}")]
    [InlineData("{\"a\" : 1 , \"b\" :\t2}")]
    [InlineData("{\"a\"1}")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1 \"b\":2}")]
    [InlineData("{1:2}")]
    [InlineData("{'a':1}")]
    [InlineData("{a:1}")]
    [InlineData("[1 2]")]
    [InlineData("[{}{}]")]
    [InlineData("[\"a\"\"b\"]")]
    [InlineData("[true[]]")]
    [InlineData("{}{}")]
    [InlineData("{},")]
    [InlineData("{} x")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/* c */{}")]
    [InlineData("[1/* c */]")]
    [InlineData("[1]// c")]
    [InlineData("\"}{][\"")]
    [InlineData("{\"v\":\"a \\\" } ] { [ b\"}")]
    [InlineData("[\"\\\\\",\"\\\\\\\"\"]")]
    [InlineData("[\"\\/\\b\\f\\n\\r\\t\\u00e9\\uABcd\\uD800\"]")]
    [InlineData("[\"\\x\"]")]
    [InlineData("[\"\\U0041\"]")]
    [InlineData("[\"\\u00G0\"]")]
    [InlineData("[\"\\u00\"]")]
    [InlineData("[\"\\u\"]")]
    [InlineData("[\"\\\"]")]
    [InlineData("[\"a\tb\"]")]
    [InlineData("[\"a\nb\"]")]
    [InlineData("[\"\u007f é ✓\"]")]
    [InlineData("[0,-0,1,-1,10,0.5,-0.5,1e5,1E+5,1e-5,12.50E-03,123456789012345678901234567890]")]
    [InlineData("[01]")]
    [InlineData("[-01]")]
    [InlineData("[-]")]
    [InlineData("[+1]")]
    [InlineData("[.5]")]
    [InlineData("[1.]")]
    [InlineData("[1.e1]")]
    [InlineData("[1e]")]
    [InlineData("[1e+]")]
    [InlineData("[1x]")]
    [InlineData("[1\"a\"]")]
    [InlineData("[1.5.3]")]
    [InlineData("[0x10]")]
    [InlineData("[NaN]")]
    [InlineData("[Infinity]")]
    [InlineData("[true,false,null]")]
    [InlineData("[TRUE]")]
    [InlineData("[nul]")]
    [InlineData("[truex]")]
    [InlineData("[nulll]")]
    [InlineData("-12.5e3")]
    [InlineData("\"x\"")]
    [InlineData("true")]
    [InlineData("[\u00a0]")]
    [InlineData("{\"a\":1\u000b}")]
    public void TrySkipValue_Document_AcceptedExactlyWhenTheReaderAcceptsIt(string json) =>
        AssertAgreesWithReader(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void TrySkipValue_InvalidUtf8InStrings_AcceptedLikeTheReader()
    {
        AssertAgreesWithReader([(byte)'[', (byte)'"', 0xFF, 0xC0, 0x80, (byte)'"', (byte)']']);
        AssertAgreesWithReader([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']);
        AssertAgreesWithReader([(byte)'{', (byte)'}', 0]);
    }

    [Fact]
    public void TryReadString_StopAtEveryOffsetAcrossVectorBlocks_FoundExactly()
    {
        // Plain runs of every length up to three 16-byte blocks, ended by each kind of stop.
        string[] endings = ["\"]", "\\\"x\"]", "\\u0041\"]", "\\n\"]", "\u0001\"]", "\\q\"]", string.Empty];
        for (int length = 0; length <= 48; length++)
        {
            foreach (string ending in endings)
            {
                AssertAgreesWithReader(Encoding.UTF8.GetBytes("[\"" + new string('a', length) + ending));
            }
        }
    }

    [Fact]
    public void TryReadString_EscapedString_ReportsTheRawBytesBetweenTheQuotes()
    {
        byte[] json = Encoding.UTF8.GetBytes("\"a\\\"}b\" ");
        var scanner = new JsonScanner(json);

        Assert.True(scanner.TryReadString(out int start, out int length, out bool isEscaped));

        Assert.Equal("a\\\"}b", Encoding.UTF8.GetString(json, start, length));
        Assert.True(isEscaped);
        Assert.Equal(json.Length - 1, scanner.Position);
    }

    [Theory]
    [InlineData(JsonScanner.MaxDepth, true)]
    [InlineData(JsonScanner.MaxDepth + 1, false)]
    [InlineData(65, false)]
    public void TrySkipValue_Nesting_DeclinedBeyondMaxDepth(int depth, bool accepted)
    {
        byte[] arrays = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        byte[] objects = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1));

        Assert.Equal(accepted, ScannerAccepts(arrays, out _));
        Assert.Equal(accepted, ScannerAccepts(objects, out _));
        Assert.Equal(depth <= 64, ReaderAccepts(arrays, out _));
    }

    public static TheoryData<string> Vectors() => new(TestData.RequestVectors());

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TrySkipValue_VectorTruncatedAtEveryOffset_AgreesWithReader(string vector)
    {
        byte[] payload = TestData.Bytes(vector);
        for (int length = 0; length <= payload.Length; length++)
        {
            AssertAgreesWithReader(payload[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TrySkipValue_VectorWithOneByteReplacedAnywhere_AgreesWithReader(string vector)
    {
        byte[] payload = TestData.Bytes(vector);
        foreach (byte replacement in "\"\\{}[],: x0-.e\t\u0001"u8)
        {
            for (int offset = 0; offset < payload.Length; offset++)
            {
                byte[] mutated = (byte[])payload.Clone();
                mutated[offset] = replacement;
                AssertAgreesWithReader(mutated);
            }
        }
    }
}
