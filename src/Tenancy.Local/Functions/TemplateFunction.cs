namespace Tenancy.Local.Functions;

/// <summary>
/// A function of <c>template.yaml</c> as Lambda would configure it (Globals merged): its handler, environment,
/// memory and timeout, and the project whose Native-AOT <c>bootstrap</c> it runs.
/// </summary>
public sealed record TemplateFunction(
    string LogicalId,
    string Handler,
    string ProjectName,
    int MemorySizeMb,
    int TimeoutSeconds,
    IReadOnlyDictionary<string, string> Environment)
{
    public string FunctionArn => $"arn:aws:lambda:{Emulator.LocalAccount.Region}:{Emulator.LocalAccount.Id}:function:{LogicalId}";
}
