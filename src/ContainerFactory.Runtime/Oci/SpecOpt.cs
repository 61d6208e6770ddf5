namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// One spec option: a pure function from a spec to a new spec. It does no I/O; every fact it needs (image config,
/// resolved user, device numbers, file paths) is a parameter of the function that created it. Options never mutate
/// their input, so any option can be applied to <see cref="OciSpec.Empty"/> and tested alone.
/// </summary>
/// <param name="spec">The spec so far.</param>
/// <returns>The changed spec.</returns>
public delegate OciSpec SpecOpt(OciSpec spec);
