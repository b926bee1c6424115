namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// A template state machine as the local cloud serves it: named <c>&lt;stack&gt;-&lt;LogicalId&gt;</c>, its
/// <c>.asl.json</c> with the <c>DefinitionSubstitutions</c> applied, and its type (STANDARD or EXPRESS).
/// </summary>
public sealed record LocalStateMachine(string LogicalId, string Name, string Arn, string Definition, string Type, string RoleArn, DateTimeOffset CreationDate);
