using System.Diagnostics.CodeAnalysis;

namespace ContainerFactory.Runtime;

/// <summary>
/// The outcome of a Runtime operation that returns nothing: success, or one <see cref="RuntimeError"/>.
/// A <c>default</c> instance is a failure of kind <see cref="RuntimeErrorKind.Internal"/> (never a silent success).
/// </summary>
public readonly struct RuntimeResult
{
    private static readonly RuntimeError Uninitialized = new(RuntimeErrorKind.Internal, "uninitialized result");
    private readonly RuntimeError? _error;
    private readonly bool _ok;

    private RuntimeResult(bool ok, RuntimeError? error)
    {
        _ok = ok;
        _error = error;
    }

    /// <summary>The success value.</summary>
    public static RuntimeResult Ok { get; } = new(true, null);

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => _ok;

    /// <summary>The failure; null on success.</summary>
    public RuntimeError? Error => _ok ? null : _error ?? Uninitialized;

    /// <summary>Returns true and the error when the operation failed.</summary>
    public bool IsFailure([NotNullWhen(true)] out RuntimeError? error)
    {
        error = Error;
        return error is not null;
    }

    /// <summary>Wraps an error as a failed result.</summary>
    public static implicit operator RuntimeResult(RuntimeError error) => Fail(error);

    /// <summary>Wraps an error as a failed result.</summary>
    public static RuntimeResult Fail(RuntimeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(false, error);
    }

    /// <inheritdoc />
    public override string ToString() => _ok ? "Ok" : Error!.ToString();
}
