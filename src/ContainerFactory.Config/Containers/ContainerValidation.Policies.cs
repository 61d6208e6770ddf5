using ContainerFactory.Config.Kanto;
using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Containers;

public static partial class ContainerValidation
{
    private const long MinimumMemory = 3L << 20;

    /// <summary>§3.6 item 8: log driver and mode, json-file files and size, non-blocking buffer ("" values take their defaults).</summary>
    private static void AddLogIssues(KantoLogConfig? log, string path, List<ConfigIssue> issues)
    {
        if (log is null)
        {
            return;
        }

        var driver = LogDriver.JsonFile;
        if (!string.IsNullOrEmpty(log.Type) && !KantoNames.TryParse(log.Type, out driver))
        {
            issues.Add(new ConfigIssue("unsupported log driver configuration", $"{path}.type"));
        }
        else if (driver == LogDriver.JsonFile)
        {
            if (log.MaxFiles < 0)
            {
                issues.Add(new ConfigIssue("max log files cannot be < 1", $"{path}.maxFiles"));
            }

            AddSizeIssue(log.MaxSize, "max logs size", $"{path}.maxSize", issues);
        }

        var mode = LogMode.Blocking;
        if (!string.IsNullOrEmpty(log.Mode) && !KantoNames.TryParse(log.Mode, out mode))
        {
            issues.Add(new ConfigIssue("unsupported log mode configuration", $"{path}.mode"));
        }
        else if (mode == LogMode.NonBlocking)
        {
            AddSizeIssue(log.MaxBufferSize, "max buffer size", $"{path}.maxBufferSize", issues);
        }
    }

    /// <summary>§3.6 item 9: a present policy needs a known type; only on-failure may carry a retry count; no negatives.</summary>
    private static void AddRestartPolicyIssues(KantoRestartPolicy? policy, string path, List<ConfigIssue> issues)
    {
        if (policy is null)
        {
            return;
        }

        if (!KantoNames.TryParse(policy.Type, out RestartPolicyKind kind))
        {
            issues.Add(new ConfigIssue($"unsupported restart policy type {policy.Type}", $"{path}.type"));
            return;
        }

        var retries = policy.MaxRetryCount ?? 0;
        if (kind != RestartPolicyKind.OnFailure)
        {
            if (retries != 0)
            {
                issues.Add(new ConfigIssue(
                    $"cannot use max retry count when the restart policy is {KantoNames.Docker(kind)}", $"{path}.maxRetryCount"));
            }

            return;
        }

        if (retries < 0)
        {
            issues.Add(new ConfigIssue("restart policy max retry count cannot be negative", $"{path}.maxRetryCount"));
        }

        if (policy.RetryTimeout < 0)
        {
            issues.Add(new ConfigIssue("restart policy retry timeout cannot be negative", $"{path}.retryTimeout"));
        }
    }

    /// <summary>
    /// §3.6 item 10: size formats, memory ≥ 3M, swap needs memory and must not be below it, reservation ≤ memory.
    /// On create (<paramref name="deriveSwap"/>) an empty swap next to a memory limit becomes 2 × memory, which
    /// always passes; <c>-1</c> means unlimited.
    /// </summary>
    private static void AddResourceIssues(KantoResources? resources, string path, bool deriveSwap, List<ConfigIssue> issues)
    {
        if (resources is null)
        {
            return;
        }

        var memoryText = resources.Memory ?? "";
        var reservationText = resources.MemoryReservation ?? "";
        var swapText = resources.MemorySwap ?? "";
        var memoryOk = TryParseOptionalSize(memoryText, "memory", $"{path}.memory", issues, out var memory);
        var reservationOk = TryParseOptionalSize(reservationText, "memory reservation", $"{path}.memoryReservation", issues, out var reservation);
        var swap = -1L;
        var swapOk = swapText == "-1" ||
            TryParseOptionalSize(swapText, "swap memory", $"{path}.memorySwap", issues, out swap);

        if (memoryOk && memory is > 0 and < MinimumMemory)
        {
            issues.Add(new ConfigIssue("minimum memory allowed is 3M", $"{path}.memory"));
        }

        if (swapOk && swap > 0)
        {
            if (memoryText.Length == 0)
            {
                issues.Add(new ConfigIssue($"swap memory - {swapText}, memory must be set as well", $"{path}.memorySwap"));
            }
            else if (memoryOk && memory > swap)
            {
                issues.Add(new ConfigIssue($"swap memory - {swapText} is less than memory - {memoryText}", $"{path}.memorySwap"));
            }
        }

        if (reservationOk && memoryOk && reservation > 0 && memoryText.Length > 0 && reservation > memory)
        {
            issues.Add(new ConfigIssue(
                $"reservation memory - {reservationText} must be lower than memory - {memoryText}", $"{path}.memoryReservation"));
        }

        if (deriveSwap && memoryOk && memoryText.Length > 0 && swapText.Length == 0 && !ByteSize.TryDouble(memoryText, out _))
        {
            issues.Add(new ConfigIssue(
                $"memory - {memoryText} is too large to derive the default swap memory of twice the memory", $"{path}.memory"));
        }
    }

    /// <summary>"" is not set (0 bytes, no issue); otherwise Kanto's <c>invalid format of &lt;what&gt; - &lt;v&gt;</c>.</summary>
    private static bool TryParseOptionalSize(string text, string what, string path, List<ConfigIssue> issues, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0 || ByteSize.TryParse(text, out bytes))
        {
            return true;
        }

        issues.Add(new ConfigIssue($"invalid format of {what} - {text}", path));
        return false;
    }

    private static void AddSizeIssue(string? text, string what, string path, List<ConfigIssue> issues) =>
        TryParseOptionalSize(text ?? "", what, path, issues, out _);
}
