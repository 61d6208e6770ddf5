namespace ContainerFactory.Runtime.Oci;

/// <summary>Kind of a device node.</summary>
public enum DeviceType
{
    /// <summary>Character device (<c>c</c>), e.g. <c>/dev/null</c>, <c>/dev/ttyUSB0</c>.</summary>
    Char,

    /// <summary>Block device (<c>b</c>), e.g. <c>/dev/sda</c>.</summary>
    Block,
}
