namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's event stream.</summary>
public interface IEventService
{
    /// <summary>
    /// Subscribes and calls <paramref name="onEvent"/> for every event, in order, until the stream ends or fails
    /// (the result: e.g. <see cref="RuntimeErrorKind.Unavailable"/> when containerd restarts). Events of every namespace
    /// arrive; filter on <see cref="ContainerdEvent.Namespace"/>. The stream's headers only come with the first event, so
    /// nothing signals "subscribed": reconcile with <see cref="ITaskService.ListAsync"/> after (re)subscribing.
    /// No deadline; cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="filters">containerd filters, ORed, e.g. <c>topic=="/tasks/exit"</c>; empty for all events.</param>
    /// <param name="onEvent">Handler; the stream is not read while it runs.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    Task<RuntimeResult> SubscribeAsync(
        IReadOnlyList<string> filters, Func<ContainerdEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken = default);
}
