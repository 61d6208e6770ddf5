namespace ContainerFactory.Config.Containers;

/// <summary>The closed set of Config-layer error kinds; the Agent maps both to 400 <c>messages:parameter.invalid</c> (PRODUCT.md §2.3).</summary>
public enum ConfigErrorKind
{
    /// <summary>The value is not JSON, or a member has the wrong JSON type or is out of its type's range.</summary>
    InvalidValue,

    /// <summary>The value decoded but breaks a validation rule.</summary>
    InvalidConfig,
}
