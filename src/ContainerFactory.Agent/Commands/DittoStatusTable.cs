using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Commands;

/// <summary>The one table from failure class to Ditto status and error code (PRODUCT.md §2.3).</summary>
public static class DittoStatusTable
{
    /// <summary>The status and Ditto error code of <paramref name="kind"/>.</summary>
    public static (int Status, string Code) For(CommandErrorKind kind) => kind switch
    {
        CommandErrorKind.InvalidParameter => (400, DittoConstants.ParameterInvalid),
        CommandErrorKind.InvalidConfig => (400, DittoConstants.ParameterInvalid),
        CommandErrorKind.NotFound => (404, DittoConstants.SubjectNotFound),
        CommandErrorKind.ImageUnavailable => (500, DittoConstants.ExecutionFailed),
        CommandErrorKind.RuntimeUnavailable => (503, DittoConstants.ExecutionFailed),
        CommandErrorKind.Failed => (500, DittoConstants.ExecutionFailed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown command error kind"),
    };

    /// <summary>The Ditto error value of <paramref name="error"/>.</summary>
    public static DittoError ToDitto(CommandError error)
    {
        (int status, string code) = For(error.Kind);
        return new DittoError(code, status, error.Message, error.Description);
    }
}
