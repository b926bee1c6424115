using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>One IAM check an operation needs: the action, the resource ARN and the request's condition keys.</summary>
public sealed record AccessCheck(string Action, string Resource, RequestContext Keys);
