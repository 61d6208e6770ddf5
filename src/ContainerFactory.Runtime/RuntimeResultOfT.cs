using System.Diagnostics.CodeAnalysis;

namespace ContainerFactory.Runtime;

/// <summary>
/// The outcome of a Runtime operation: a value, or one <see cref="RuntimeError"/>. Operations return it instead of
/// throwing; only cancellation (<see cref="OperationCanceledException"/>) and bugs throw.
/// A <c>default</c> instance is a failure of kind <see cref="RuntimeErrorKind.Internal"/> (never a silent success).
/// </summary>
/// <typeparam name="T">The success value's type.</typeparam>
public readonly struct RuntimeResult<T>
{
    private static readonly RuntimeError Uninitialized = new(RuntimeErrorKind.Internal, "uninitialized result");
    private readonly T? _value;
    private readonly RuntimeError? _error;
    private readonly bool _ok;

    private RuntimeResult(bool ok, T? value, RuntimeError? error)
    {
        _ok = ok;
        _value = value;
        _error = error;
    }

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => _ok;

    /// <summary>The value; throws <see cref="InvalidOperationException"/> on a failure (a bug in the caller).</summary>
    public T Value => _ok ? _value! : throw new InvalidOperationException($"The result is a failure: {Error}");

    /// <summary>The failure; null on success.</summary>
    public RuntimeError? Error => _ok ? null : _error ?? Uninitialized;

    /// <summary>Returns true with the value on success, false with the error otherwise. Never throws.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out RuntimeError? error)
    {
        value = _ok ? _value! : default;
        error = Error;
        return _ok;
    }

    /// <summary>Creates a successful result.</summary>
    public static RuntimeResult<T> Ok(T value) => new(true, value, null);

    /// <summary>Creates a failed result.</summary>
    public static RuntimeResult<T> Fail(RuntimeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(false, default, error);
    }

    /// <summary>Wraps a value as a successful result.</summary>
    public static implicit operator RuntimeResult<T>(T value) => Ok(value);

    /// <summary>Wraps an error as a failed result.</summary>
    public static implicit operator RuntimeResult<T>(RuntimeError error) => Fail(error);

    /// <summary>Drops the value, keeping success or the error.</summary>
    public RuntimeResult WithoutValue() => _ok ? RuntimeResult.Ok : RuntimeResult.Fail(Error!);

    /// <summary>Transforms the value on success; passes the error through otherwise.</summary>
    public RuntimeResult<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return _ok ? RuntimeResult<TOut>.Ok(map(_value!)) : RuntimeResult<TOut>.Fail(Error!);
    }

    /// <inheritdoc />
    public override string ToString() => _ok ? $"Ok({_value})" : Error!.ToString();
}
