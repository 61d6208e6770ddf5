using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ContainerFactory.Agent.Mqtt;

/// <summary>
/// <see cref="IMqttTransport"/> over MQTTnet: MQTT 3.1.1, persistent session (clean session off unless
/// <see cref="MqttTransportOptions.CleanSession"/>) with a stable
/// client id, manual acknowledgements so that unhandled commands are redelivered, TLS and credentials as configured.
/// </summary>
public sealed class MqttNetTransport : IMqttTransport
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private TaskCompletionSource _disconnected = NewSignal(completed: true);

    /// <summary>Creates the transport; nothing is connected until <see cref="ConnectAsync"/>.</summary>
    public MqttNetTransport(MqttTransportOptions options)
    {
        _options = BuildOptions(options);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <inheritdoc />
    public Func<InboundMessage, Task>? MessageReceived { get; set; }

    /// <inheritdoc />
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc />
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        _disconnected = NewSignal(completed: false);
        try
        {
            MqttClientConnectResult result = await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            return result.IsSessionPresent;
        }
        catch
        {
            _disconnected.TrySetResult();
            throw;
        }
    }

    /// <inheritdoc />
    public Task WaitForDisconnectAsync(CancellationToken cancellationToken) =>
        _disconnected.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken) =>
        _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(topicFilter).WithAtLeastOnceQoS()).Build(),
            cancellationToken);

    /// <inheritdoc />
    public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken) =>
        _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(topicFilter).Build(), cancellationToken);

    /// <inheritdoc />
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ReadOnlySequence<byte>(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();
        MqttClientPublishResult result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new IOException($"publish on {topic} refused: {result.ReasonCode}");
        }
    }

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        _client.IsConnected
            ? _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken)
            : Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        Func<InboundMessage, Task>? handler = MessageReceived;
        if (handler is null)
        {
            return Task.CompletedTask;
        }

        // The acknowledgement is sent by the handler once the message is handled (QoS 1 redelivery otherwise).
        e.AutoAcknowledge = false;
        MqttApplicationMessage m = e.ApplicationMessage;
        int acknowledged = 0;
        var inbound = new InboundMessage(
            m.Topic,
            new ReadOnlySequence<byte>(m.Payload.ToArray()),
            m.Dup,
            ct => Interlocked.Exchange(ref acknowledged, 1) == 0 ? e.AcknowledgeAsync(ct) : Task.CompletedTask);
        return handler(inbound);
    }

    private static MqttClientOptions BuildOptions(MqttTransportOptions o)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Endpoint.Host, o.Endpoint.Port)
            .WithClientId(o.ClientId)
            .WithCleanSession(o.CleanSession)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(o.KeepAlive)
            .WithTimeout(o.ConnectTimeout);
        if (o.Username.Length > 0)
        {
            builder = builder.WithCredentials(o.Username, o.Password);
        }

        if (o.Endpoint.UseTls)
        {
            builder = builder.WithTlsOptions(tls => ConfigureTls(tls, o));
        }

        return builder.Build();
    }

    private static void ConfigureTls(MqttClientTlsOptionsBuilder tls, MqttTransportOptions o)
    {
        tls.UseTls().WithTargetHost(o.Endpoint.Host);
        if (o.CaFile.Length > 0)
        {
            var chain = new X509Certificate2Collection();
            chain.ImportFromPemFile(o.CaFile);
            tls.WithTrustChain(chain);
        }

        if (o.CertFile.Length > 0)
        {
            var certificate = X509Certificate2.CreateFromPemFile(o.CertFile, o.KeyFile.Length > 0 ? o.KeyFile : null);
            tls.WithClientCertificates([certificate]);
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }
}
