namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>
/// A parsed request: the operation's name and the IAM checks the pipeline runs before dispatching it. Services
/// derive from it to carry their parsed input to their handler.
/// </summary>
public record LocalOperation(string Name)
{
    /// <summary>Checks known from the request alone; checks that need state (a resolved key) run through <see cref="LocalServiceCall.Authorize"/>.</summary>
    public IReadOnlyList<AccessCheck> AccessChecks { get; init; } = [];
}
