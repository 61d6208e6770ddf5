using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContainerFactory.Agent.Containers;

/// <summary>
/// The ids of the Container features published to the twin, kept in a small file (<c>&lt;state&gt;/twin-features.json</c>)
/// so that after a restart the features of containers that no longer exist can be deleted (kanto-protocol §1.5 does
/// the same with its <c>sup_back_*.json</c>). Written atomically; a missing or corrupt file counts as empty.
/// </summary>
public sealed class PublishedFeatures(string file)
{
    private readonly Lock _gate = new();

    /// <summary>The ids recorded.</summary>
    public IReadOnlySet<string> Read()
    {
        lock (_gate)
        {
            try
            {
                return File.Exists(file)
                    ? JsonSerializer.Deserialize(File.ReadAllBytes(file), PublishedFeaturesJson.Default.HashSetString) ?? []
                    : [];
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                return new HashSet<string>();
            }
        }
    }

    /// <summary>Records <paramref name="id"/>.</summary>
    public void Add(string id) => Update(ids => ids.Add(id));

    /// <summary>Forgets <paramref name="id"/>.</summary>
    public void Remove(string id) => Update(ids => ids.Remove(id));

    /// <summary>Records <paramref name="added"/> and forgets <paramref name="removed"/> in one write.</summary>
    public void Update(IEnumerable<string> added, IEnumerable<string> removed) => Update(ids =>
    {
        ids.UnionWith(added);
        ids.ExceptWith(removed);
    });

    private void Update(Action<HashSet<string>> change)
    {
        lock (_gate)
        {
            var ids = new HashSet<string>(Read(), StringComparer.Ordinal);
            change(ids);
            Write(ids);
        }
    }

    private void Write(HashSet<string> ids)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            string temporary = file + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(ids, PublishedFeaturesJson.Default.HashSetString));
            File.Move(temporary, file, overwrite: true);
        }
    }
}

/// <summary>Source-generated JSON of <see cref="PublishedFeatures"/>.</summary>
[JsonSerializable(typeof(HashSet<string>))]
internal sealed partial class PublishedFeaturesJson : JsonSerializerContext;
