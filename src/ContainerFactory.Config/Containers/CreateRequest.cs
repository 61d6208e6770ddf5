using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

/// <summary>
/// A decoded <c>create</c> or <c>createWithConfig</c> value, not yet validated nor defaulted.
/// Produced by <see cref="KantoDecoder"/>; check it with <see cref="ContainerValidation.Validate(CreateRequest)"/>
/// and turn it into a <see cref="ContainerConfig"/> with <see cref="ContainerDefaults.Apply"/>.
/// </summary>
/// <param name="ImageRef">The image reference; "" when missing (a validation issue).</param>
/// <param name="Name">The top-level container name of createWithConfig; null or "" = the container id.</param>
/// <param name="Start">Start the container after creating it; default false.</param>
/// <param name="Config">The raw wire config; null when absent or JSON null (then it acts like <c>create</c>).</param>
public sealed record CreateRequest(string ImageRef, string? Name, bool Start, KantoContainerConfig? Config);
