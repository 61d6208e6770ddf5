using ContainerFactory.Runtime.Images;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using TypesApi = ContainerFactory.Runtime.Containerd.Api.Types;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>Conversions between generated containerd messages and Runtime's domain records (the one proto edge).</summary>
internal static class ProtoMapping
{
    /// <summary>Go's zero time, which containerd clients send and the server overwrites (notes §1).</summary>
    private const long GoZeroTimeSeconds = -62135596800;

    public static TypesApi.ContentDescriptor ToProto(Descriptor descriptor)
    {
        var proto = new TypesApi.ContentDescriptor
        {
            MediaType = descriptor.MediaType,
            Digest = descriptor.Digest,
            Size = descriptor.Size,
        };
        AddAll(proto.Annotations, descriptor.Annotations);
        return proto;
    }

    public static Descriptor FromProto(TypesApi.ContentDescriptor? proto) =>
        proto is null
            ? new Descriptor("", "", 0)
            : new Descriptor(proto.MediaType, proto.Digest, proto.Size)
            {
                Annotations = proto.Annotations.Count == 0 ? null : new Dictionary<string, string>(proto.Annotations),
            };

    public static TypesApi.Mount ToProto(Mount mount)
    {
        var proto = new TypesApi.Mount { Type = mount.Type, Source = mount.Source, Target = mount.Target };
        proto.Options.AddRange(mount.Options);
        return proto;
    }

    public static Mount FromProto(TypesApi.Mount proto) => new(proto.Type, proto.Source, proto.Target, [.. proto.Options]);

    public static IReadOnlyList<Mount> FromProto(RepeatedField<TypesApi.Mount> mounts) => [.. mounts.Select(FromProto)];

    public static IReadOnlyDictionary<string, string> Copy(MapField<string, string> labels) =>
        new Dictionary<string, string>(labels);

    public static void AddAll(MapField<string, string> target, IReadOnlyDictionary<string, string>? source)
    {
        if (source is null)
        {
            return;
        }

        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    public static DateTimeOffset? FromProto(Timestamp? timestamp) =>
        timestamp is null || timestamp.Seconds <= GoZeroTimeSeconds ? null : timestamp.ToDateTimeOffset();
}
