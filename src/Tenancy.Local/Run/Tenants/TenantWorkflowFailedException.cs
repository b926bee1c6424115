namespace Tenancy.Local.Run.Tenants;

/// <summary>A lifecycle execution ended otherwise than SUCCEEDED; the state machine's own error and cause are kept.</summary>
public sealed class TenantWorkflowFailedException : Exception
{
    public TenantWorkflowFailedException(string stateMachine, string tenantId, string status, string? error, string? cause)
        : base($"{stateMachine} for tenant '{tenantId}' ended {status}: {error ?? "no error"}: {cause ?? "no cause"}")
    {
        StateMachine = stateMachine;
        TenantId = tenantId;
        Status = status;
        Error = error;
    }

    public TenantWorkflowFailedException()
    {
        StateMachine = TenantId = Status = string.Empty;
    }

    public TenantWorkflowFailedException(string message)
        : base(message)
    {
        StateMachine = TenantId = Status = string.Empty;
    }

    public TenantWorkflowFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StateMachine = TenantId = Status = string.Empty;
    }

    public string StateMachine { get; }

    public string TenantId { get; }

    public string Status { get; }

    public string? Error { get; }
}
