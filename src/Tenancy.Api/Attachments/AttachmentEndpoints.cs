using Microsoft.AspNetCore.Mvc;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;
using Tenancy.Api.Tenants;
using Tenancy.Isolation.Objects;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Attachments;

/// <summary>
/// The attachment handlers. The order must exist for the request's tenant (another tenant's order is a 404 like a
/// missing one); the object then lives at <c>tenants/&lt;tenant&gt;/orders/&lt;id&gt;/attachments/&lt;name&gt;</c>.
/// </summary>
internal static class AttachmentEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    internal static async Task<IResult> PutAsync(string id, string name, RequestTenant tenant, [FromServices] TenantObjectStore store, [FromServices] IOrderRepository orders, HttpRequest request, CancellationToken cancellationToken)
    {
        var objectName = TenantObjectName.Parse(name);
        var area = await OrderAreaAsync(id, tenant, orders, cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        var etag = await store.PutAsync(tenant.Scope, area, objectName, body.GetBuffer().AsMemory(0, (int)body.Length), request.ContentType, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AttachmentResponse(objectName.Value, body.Length, etag));
    }

    internal static async Task<IResult> GetAsync(string id, string name, RequestTenant tenant, [FromServices] TenantObjectStore store, [FromServices] IOrderRepository orders, CancellationToken cancellationToken)
    {
        var objectName = TenantObjectName.Parse(name);
        var area = await OrderAreaAsync(id, tenant, orders, cancellationToken).ConfigureAwait(false);
        var stored = await store.GetAsync(tenant.Scope, area, objectName, cancellationToken).ConfigureAwait(false);
        return TypedResults.Bytes(stored.Content.ToArray(), stored.ContentType);
    }

    internal static async Task<IResult> DeleteAsync(string id, string name, RequestTenant tenant, [FromServices] TenantObjectStore store, [FromServices] IOrderRepository orders, CancellationToken cancellationToken)
    {
        var objectName = TenantObjectName.Parse(name);
        var area = await OrderAreaAsync(id, tenant, orders, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(tenant.Scope, area, objectName, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> ListAsync(string id, int? limit, string? continuationToken, RequestTenant tenant, [FromServices] TenantObjectStore store, [FromServices] IOrderRepository orders, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"A page holds 1 to {MaxLimit} attachments.");
        }

        var area = await OrderAreaAsync(id, tenant, orders, cancellationToken).ConfigureAwait(false);
        var page = await store.ListAsync(tenant.Scope, area, new PageRequest(limit ?? DefaultLimit, continuationToken), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AttachmentPageResponse(page.Items.Select(i => new AttachmentResponse(i.Name, i.StoredSize, i.ETag)).ToList(), page.ContinuationToken));
    }

    private static async Task<TenantObjectArea> OrderAreaAsync(string id, RequestTenant tenant, IOrderRepository orders, CancellationToken cancellationToken)
    {
        OrderRequestValidator.ValidateId(id);
        _ = await orders.GetAsync(tenant.Scope, id, cancellationToken).ConfigureAwait(false)
            ?? throw new ItemNotFoundException("The order does not exist.");
        return TenantObjectArea.Parse($"orders/{id}/attachments");
    }
}
