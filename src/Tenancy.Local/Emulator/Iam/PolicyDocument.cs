namespace Tenancy.Local.Emulator.Iam;

/// <summary>An IAM policy: a named list of statements (identity, trust or session policy).</summary>
public sealed record PolicyDocument(string Name, IReadOnlyList<PolicyStatement> Statements);
