using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Lambda;

namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// The <c>registry</c> handler the state machines call for every registry change: it validates the input, applies the
/// change through <see cref="TenantRegistryWriter"/> and returns the item. Refusals are typed exceptions whose names are
/// the Step Functions error names (<c>IllegalTenantTransitionException</c>, <c>TenantRegistrationConflictException</c>,
/// <c>TenantNotRegisteredException</c>, <c>RegistryRequestException</c>, <c>InvalidTenantIdException</c>).
/// </summary>
public sealed class RegistryFunction
{
    private readonly TenantRegistryWriter _writer;

    public RegistryFunction(TenantRegistryWriter writer) => _writer = writer;

    public async Task<RegistryItemView> HandleAsync(RegistryRequest request, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenantId = TenantId.Parse(request.TenantId ?? throw new RegistryRequestException("tenantId is required."));
        var registration = request.Transition switch
        {
            "register" => await _writer.RegisterAsync(tenantId, Required(request.Name, "name"), ParseTier(request.Tier), cancellationToken).ConfigureAwait(false),
            "record-resources" => await _writer.RecordResourcesAsync(tenantId, (request.Resources ?? throw new RegistryRequestException("resources are required.")).ToResources(), cancellationToken).ConfigureAwait(false),
            "get" => await _writer.ReadAsync(tenantId, cancellationToken).ConfigureAwait(false),
            { } name when RegistryTransition.Find(name) is { } transition => await _writer.TransitionAsync(tenantId, transition, request.Cause, cancellationToken).ConfigureAwait(false),
            _ => throw new RegistryRequestException($"Unknown transition '{request.Transition}'."),
        };
        return RegistryItemView.From(registration);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new RegistryRequestException($"{name} is required.") : value;

    private static TenantTier ParseTier(string? text) =>
        TenantRegistryItemCodec.TryParseTier(text, out var tier) ? tier : throw new RegistryRequestException($"tier must be Basic or Premium, not '{text}'.");
}
