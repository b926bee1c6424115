namespace Tenancy.Local.Emulator.Iam;

/// <summary>One key test inside a statement's <c>Condition</c> block, e.g. <c>ForAllValues:StringLike dynamodb:LeadingKeys [..]</c>.</summary>
public sealed record PolicyCondition(ConditionOperator Operator, string Key, IReadOnlyList<string> Values);
