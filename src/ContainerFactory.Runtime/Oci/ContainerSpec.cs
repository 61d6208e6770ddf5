namespace ContainerFactory.Runtime.Oci;

/// <summary>The spec profile of a Kanto container: the catalogue's options composed in Kanto's order (§7.3).</summary>
public static class ContainerSpec
{
    /// <summary>
    /// The options for <paramref name="options"/>, in order: ctr defaults, image config and user, cmd, hostname,
    /// domainname, tty, env, devices, bind mounts, host files, no /run tmpfs, network, memory, cgroups path, rootfs,
    /// then privileged or extra capabilities. Pure.
    /// </summary>
    public static SpecOpt Options(ContainerSpecOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SpecOpts.Compose([.. Steps(options)]);
    }

    /// <summary>Builds the spec for <paramref name="options"/> from an empty spec. Pure.</summary>
    public static OciSpec Build(ContainerSpecOptions options) => Options(options)(OciSpec.Empty);

    private static IEnumerable<SpecOpt> Steps(ContainerSpecOptions o)
    {
        yield return SpecOpts.WithDefaults(o.Namespace, o.Id);
        yield return SpecOpts.WithImageConfig(o.Image, o.User);
        yield return SpecOpts.WithCmd(o.Image, o.Cmd);
        if (!string.IsNullOrEmpty(o.HostName))
        {
            yield return SpecOpts.WithHostname(o.HostName);
        }

        if (!string.IsNullOrEmpty(o.DomainName))
        {
            yield return SpecOpts.WithDomainname(o.DomainName);
        }

        yield return SpecOpts.WithTty(o.Tty);
        yield return SpecOpts.WithEnv(o.Env);
        if (!o.Privileged)
        {
            yield return SpecOpts.WithDevices(o.Devices);
        }

        yield return SpecOpts.WithBindMounts(o.Mounts);
        if (o.HostFiles is not null)
        {
            yield return SpecOpts.WithHostFiles(o.HostFiles);
        }

        yield return SpecOpts.WithoutRunTmpfs();
        if (o.HostNetwork)
        {
            yield return SpecOpts.WithHostNetwork();
        }
        else if (!string.IsNullOrEmpty(o.NetworkNamespacePath))
        {
            yield return SpecOpts.WithNetworkNamespace(o.NetworkNamespacePath);
        }

        if (o.Memory is not null)
        {
            yield return SpecOpts.WithMemory(o.Memory);
        }

        if (!string.IsNullOrEmpty(o.CgroupsPath))
        {
            yield return SpecOpts.WithCgroupsPath(o.CgroupsPath);
        }

        yield return SpecOpts.WithRootfs(o.RootfsPath);
        yield return o.Privileged ? SpecOpts.WithPrivileged(o.HostDevices, o.PrivilegedCapabilities) : SpecOpts.WithCapabilities(o.ExtraCapabilities);
    }
}
