namespace Tenancy.Local.Emulator.Template;

/// <summary>
/// An <c>AWS::Cognito::UserPool</c> of the template: its declared custom attributes (immutable ones cannot be
/// changed after creation) and the logical id of its pre token generation function, when it has one.
/// </summary>
public sealed record TemplateUserPool(
    string LogicalId,
    IReadOnlyDictionary<string, bool> CustomAttributesMutable,
    string? PreTokenGenerationFunctionLogicalId,
    string? PreTokenGenerationVersion);
