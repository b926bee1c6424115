namespace Tenancy.Local.Functions;

/// <summary>The logical id names no function of the template (Lambda's <c>ResourceNotFoundException</c>).</summary>
public sealed class UnknownFunctionException(string logicalId, IEnumerable<string> known)
    : InvalidOperationException($"template.yaml has no function '{logicalId}' (functions: {string.Join(", ", known)}).")
{
    public string LogicalId { get; } = logicalId;
}
