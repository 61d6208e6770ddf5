using System.Globalization;
using System.Text.Json;
using ContainerFactory.IntegrationTests.Agent;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// The <c>status/state</c> twin modifies the agent published for one container (only those: the full features sent
/// on every connect are not state changes), in arrival order, and waits on them.
/// </summary>
internal static class TwinStates
{
    /// <summary>The state values with <paramref name="status"/> published so far for <paramref name="containerId"/>.</summary>
    public static IReadOnlyList<JsonElement> Of(AgentStack stack, string containerId, string status) =>
        [.. stack.Cloud.On(AgentStack.TwinTopic).Where(m => IsState(m, containerId, status)).Select(m => m.Value)];

    /// <summary>Waits (≤ <paramref name="seconds"/> s) for <paramref name="count"/> states <paramref name="status"/> and returns them all.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitAsync(AgentStack stack, string containerId, string status, int count, int seconds = 30) =>
        [.. (await stack.Cloud.WaitForAsync(
            m => IsState(m, containerId, status), count, TimeSpan.FromSeconds(seconds), $"{count} × state {status} of {containerId}"))
            .Select(m => m.Value)];

    /// <summary>A time member (<c>startedAt</c>, <c>finishedAt</c>) of a state value.</summary>
    public static DateTimeOffset Time(JsonElement state, string name) =>
        DateTimeOffset.Parse(state.GetProperty(name).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The exit code of a state value (0 is omitted on the wire).</summary>
    public static long ExitCode(JsonElement state) =>
        state.TryGetProperty("exitCode", out JsonElement code) ? code.GetInt64() : 0;

    private static bool IsState(MqttMessage m, string containerId, string status) =>
        m.Topic == AgentStack.TwinTopic
        && m.DittoPath == $"/features/Container:{containerId}/properties/status/state"
        && m.StateStatus == status;
}
