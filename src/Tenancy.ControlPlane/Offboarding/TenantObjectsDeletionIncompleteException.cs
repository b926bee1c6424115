namespace Tenancy.ControlPlane.Offboarding;

/// <summary>S3 refused to delete some of the tenant's objects; the step fails (and is retried) rather than report done.</summary>
public sealed class TenantObjectsDeletionIncompleteException(string message) : Exception(message);
