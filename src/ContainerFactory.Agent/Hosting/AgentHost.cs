using System.Buffers;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Identity;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Protocol.Hono;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Hosting;

/// <summary>
/// The agent's connection life cycle (PRODUCT.md §2.1, §4): connect with backoff (also when the first attempt fails),
/// learn the identity (configured, or the connector's handshake on every connect), subscribe to the command topic,
/// re-publish the twin, and hand commands to the dispatcher until stopped; on stop, finish in-flight commands
/// within a bound and disconnect cleanly.
/// </summary>
public sealed class AgentHost
{
    private readonly IMqttTransport _transport;
    private readonly IdentitySettings _identitySettings;
    private readonly AgentFeatures _features;
    private readonly ILogger _logger;
    private readonly string _broker;
    private readonly CommandDispatcher _dispatcher;
    private TaskCompletionSource<ThingIdentity> _identitySignal = NewIdentitySignal();
    private readonly List<InboundMessage> _early = [];
    private readonly Lock _earlyGate = new();
    private ThingIdentity? _identity;
    private string? _subscribed;

    /// <summary>Wires the host; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="transport">The MQTT connection.</param>
    /// <param name="settings">The agent's settings.</param>
    /// <param name="features">What commands and the twin run on.</param>
    /// <param name="clock">Time source.</param>
    /// <param name="logs">Loggers.</param>
    /// <param name="settled">Called whenever the last command in flight has finished.</param>
    public AgentHost(IMqttTransport transport, AgentSettings settings, AgentFeatures features, TimeProvider clock, ILoggerFactory logs, Action? settled = null)
    {
        _transport = transport;
        _identitySettings = settings.Identity;
        _features = features;
        _logger = logs.CreateLogger("container-factory.host");
        _broker = settings.Mqtt.Broker;
        _dispatcher = new CommandDispatcher(transport, Context, features.Execute, new ReplyCache(clock), _logger, settled);
        _transport.MessageReceived = OnMessageAsync;
    }

    /// <summary>Number of commands not finished yet.</summary>
    public int InFlight => _dispatcher.InFlight;

    /// <summary>Completes with the identity once the agent is subscribed for the first time.</summary>
    public Task<ThingIdentity> Ready => _ready.Task;

    private readonly TaskCompletionSource<ThingIdentity> _ready = NewIdentitySignal();

    /// <summary>Runs until <paramref name="stopping"/> is cancelled; then drains in-flight commands for up to <paramref name="drain"/>.</summary>
    public async Task RunAsync(TimeSpan drain, CancellationToken stopping)
    {
        for (int attempt = 0; !stopping.IsCancellationRequested;)
        {
            if (!await TryConnectAsync(attempt, stopping).ConfigureAwait(false))
            {
                attempt++;
                continue;
            }

            attempt = 0;
            try
            {
                await ServeConnectionAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                HostLog.ConnectFailed(_logger, _broker, e.Message, 0);
            }

            if (!stopping.IsCancellationRequested)
            {
                HostLog.Disconnected(_logger, _broker);
            }
        }

        await _dispatcher.DrainAsync(drain).ConfigureAwait(false);
        using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _transport.DisconnectAsync(bye.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<bool> TryConnectAsync(int attempt, CancellationToken stopping)
    {
        try
        {
            bool sessionPresent = await _transport.ConnectAsync(stopping).ConfigureAwait(false);
            HostLog.Connected(_logger, _broker, sessionPresent);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            TimeSpan delay = Backoff.Reconnect.Delay(attempt);
            HostLog.ConnectFailed(_logger, _broker, e.Message, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return false;
        }
    }

    /// <summary>One connection: identity → subscribe → twin → wait for the disconnect.</summary>
    private async Task ServeConnectionAsync(CancellationToken stopping)
    {
        ThingIdentity identity = await LearnIdentityAsync(stopping).ConfigureAwait(false);
        await ApplyIdentityAsync(identity, stopping).ConfigureAwait(false);
        await _transport.WaitForDisconnectAsync(stopping).ConfigureAwait(false);
    }

    private async Task<ThingIdentity> LearnIdentityAsync(CancellationToken stopping)
    {
        if (IdentityResolver.FromSettings(_identitySettings) is { } configured)
        {
            return configured;
        }

        // Every (re)connect asks again (Kanto connector convention); the answer may come at any time.
        _identitySignal = NewIdentitySignal();
        await _transport.SubscribeAsync(HonoTopics.IdentityResponse, stopping).ConfigureAwait(false);
        await _transport.PublishAsync(HonoTopics.IdentityRequest, IdentityResolver.HandshakeRequest, stopping).ConfigureAwait(false);
        HostLog.WaitingForIdentity(_logger);
        return await _identitySignal.Task.WaitAsync(stopping).ConfigureAwait(false);
    }

    private async Task ApplyIdentityAsync(ThingIdentity identity, CancellationToken stopping)
    {
        string subscription = HonoTopics.CommandSubscription(identity.ThingId);
        if (_subscribed is not null && _subscribed != subscription)
        {
            await _transport.UnsubscribeAsync(_subscribed, stopping).ConfigureAwait(false);
        }

        SetIdentity(identity);
        await _transport.SubscribeAsync(subscription, stopping).ConfigureAwait(false);
        _subscribed = subscription;
        HostLog.Identity(_logger, identity.DeviceId, identity.TenantId, identity.ThingId);
        _ready.TrySetResult(identity);
        await _features.PublishTwinAsync(identity, stopping).ConfigureAwait(false);
    }

    private InboundContext Context() =>
        new(_identity?.ThingId ?? "", _features.ContainerExists, static () => Guid.NewGuid().ToString());

    private async Task OnMessageAsync(InboundMessage message)
    {
        if (message.Topic == HonoTopics.IdentityResponse)
        {
            await OnIdentityAsync(message).ConfigureAwait(false);
            return;
        }

        lock (_earlyGate)
        {
            if (_identity is null)
            {
                // A persistent session delivers queued commands right after CONNACK, before the identity is known:
                // hold them (unacknowledged) until it is, instead of answering "thing not found".
                _early.Add(message);
                return;
            }
        }

        _dispatcher.Enqueue(message, CancellationToken.None);
    }

    private void SetIdentity(ThingIdentity identity)
    {
        InboundMessage[] held;
        lock (_earlyGate)
        {
            _identity = identity;
            held = [.. _early];
            _early.Clear();
        }

        foreach (InboundMessage message in held)
        {
            _dispatcher.Enqueue(message, CancellationToken.None);
        }
    }

    private async Task OnIdentityAsync(InboundMessage message)
    {
        await message.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        byte[] payload = message.Payload.ToArray();
        if (!IdentityResolver.TryFromResponse(payload, _identitySettings, out ThingIdentity? identity, out string? problem))
        {
            HostLog.BadIdentity(_logger, problem!);
            return;
        }

        if (!_identitySignal.TrySetResult(identity!) && identity != _identity && _transport.IsConnected)
        {
            // The connector re-announced a different identity while connected: move to it.
            await ApplyIdentityAsync(identity!, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource<ThingIdentity> NewIdentitySignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
