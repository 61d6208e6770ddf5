using System.Text.Json;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// The cached ADD results, one JSON file per container and interface (<c>&lt;dir&gt;/&lt;id&gt;-&lt;ifname&gt;.json</c>),
/// written atomically (temporary file + rename) so a crash never leaves half a file. Never throws.
/// </summary>
public sealed class CniResultCache
{
    private readonly string _directory;

    /// <summary>Entries live in <paramref name="directory"/> (created on the first write).</summary>
    public CniResultCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    /// <summary>The entry's file name.</summary>
    public string PathOf(string containerId, string interfaceName) => Path.Combine(_directory, $"{containerId}-{interfaceName}.json");

    /// <summary>The cached entry, or null when there is none. An unreadable or corrupt file is an <see cref="RuntimeErrorKind.Internal"/> error.</summary>
    public RuntimeResult<CniCacheEntry?> TryRead(string containerId, string interfaceName)
    {
        string path = PathOf(containerId, interfaceName);
        if (!File.Exists(path))
        {
            return RuntimeResult<CniCacheEntry?>.Ok(null);
        }

        if (!ReadFile(path).TryGetValue(out CniCacheEntry? entry, out RuntimeError? error))
        {
            return error;
        }

        return entry is not null && entry.ContainerId == containerId
            ? entry
            : new RuntimeError(RuntimeErrorKind.Internal, $"cni cache {path} does not belong to {containerId}");
    }

    /// <summary>
    /// The host ports (<see cref="HostPortAllocator.Key"/>) that the cached attachments of every container but
    /// <paramref name="exceptContainerId"/> forward: what a new attachment must not take. Only attachments whose
    /// namespace is still a network namespace count: an entry left from before a reboot (the pins under the run folder
    /// and the port rules are gone) or one that cannot be read holds nothing. A folder that cannot be listed is an error.
    /// </summary>
    public RuntimeResult<IReadOnlySet<string>> TryReadHeldHostPorts(string exceptContainerId)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!Directory.Exists(_directory))
            {
                return held;
            }

            foreach (string path in Directory.EnumerateFiles(_directory, "*.json"))
            {
                if (!ReadFile(path).TryGetValue(out CniCacheEntry? entry, out _)
                    || entry is null || entry.ContainerId == exceptContainerId || !NetworkNamespace.IsNetworkNamespace(entry.NetnsPath))
                {
                    continue;
                }

                foreach (PortMapping mapping in entry.PortMappings)
                {
                    held.Add(HostPortAllocator.Key(mapping.Protocol, mapping.HostPort));
                }
            }

            return held;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot list cni cache {_directory}: {ex.Message}");
        }
    }

    /// <summary>Writes (or replaces) the entry.</summary>
    public RuntimeResult TryWrite(CniCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string path = PathOf(entry.ContainerId, entry.InterfaceName);
        string temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(entry, NetworkJson.Default.CniCacheEntry));
            File.Move(temporary, path, overwrite: true);
            return RuntimeResult.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot write cni cache {path}: {ex.Message}");
        }
    }

    private static RuntimeResult<CniCacheEntry?> ReadFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), NetworkJson.Default.CniCacheEntry);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot read cni cache {path}: {ex.Message}");
        }
    }

    /// <summary>Removes the entry; a missing one is success.</summary>
    public RuntimeResult TryDelete(string containerId, string interfaceName)
    {
        string path = PathOf(containerId, interfaceName);
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return RuntimeResult.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot remove cni cache {path}: {ex.Message}");
        }
    }
}
