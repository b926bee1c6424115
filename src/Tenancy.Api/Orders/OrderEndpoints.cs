using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tenancy.Api.Problems;
using Tenancy.Api.Tenants;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Orders;

/// <summary>
/// The orders handlers. Every handler works only through <see cref="IOrderRepository"/> with the request's
/// <see cref="RequestTenant.Scope"/>; there is no other way to reach data. The ETag of an order is its version.
/// </summary>
internal static class OrderEndpoints
{
    internal static async Task<IResult> CreateAsync(CreateOrderRequest request, RequestTenant tenant, [FromServices] IOrderRepository repository, [FromServices] TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var (name, email, lines) = OrderRequestValidator.Validate(request.CustomerName, request.CustomerEmail, request.Lines);
        var now = time.GetUtcNow();
        var order = new Order
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            CustomerName = name,
            CustomerEmail = email,
            Lines = lines,
            Total = OrderRequestValidator.TotalOf(lines),
            Status = OrderStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var created = await repository.CreateAsync(tenant.Scope, order, cancellationToken).ConfigureAwait(false);
        SetETag(response, created);
        return TypedResults.Created($"/orders/{created.Id}", OrderResponse.From(created));
    }

    internal static async Task<IResult> GetAsync(string id, RequestTenant tenant, [FromServices] IOrderRepository repository, HttpResponse response, CancellationToken cancellationToken)
    {
        var order = await FindAsync(id, tenant, repository, cancellationToken).ConfigureAwait(false);
        SetETag(response, order);
        return TypedResults.Ok(OrderResponse.From(order));
    }

    internal static async Task<IResult> ListAsync(int? limit, string? continuationToken, RequestTenant tenant, [FromServices] IOrderRepository repository, CancellationToken cancellationToken)
    {
        var pageSize = OrderRequestValidator.ValidateLimit(limit);
        OrderRequestValidator.ValidateContinuationToken(continuationToken);
        var page = await repository.QueryAsync(tenant.Scope, new PageRequest(pageSize, continuationToken), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new OrderPageResponse(page.Items.Select(OrderResponse.From).ToList(), page.ContinuationToken));
    }

    internal static async Task<IResult> UpdateAsync(string id, UpdateOrderRequest request, RequestTenant tenant, [FromServices] IOrderRepository repository, [FromServices] TimeProvider time, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = OrderRequestValidator.ExpectedVersion(httpRequest.Headers.IfMatch.ToString(), request.Version);
        var (name, email, lines) = OrderRequestValidator.Validate(request.CustomerName, request.CustomerEmail, request.Lines);
        var current = await FindAsync(id, tenant, repository, cancellationToken).ConfigureAwait(false);
        EnsureVersion(current, expected);
        if (current.Status != OrderStatus.Pending)
        {
            throw new OrderNotEditableException(current.Status);
        }

        var updated = await repository.UpdateAsync(
            tenant.Scope,
            current with { CustomerName = name, CustomerEmail = email, Lines = lines, Total = OrderRequestValidator.TotalOf(lines), UpdatedAt = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false);
        SetETag(response, updated);
        return TypedResults.Ok(OrderResponse.From(updated));
    }

    internal static async Task<IResult> ChangeStatusAsync(string id, ChangeOrderStatusRequest request, RequestTenant tenant, [FromServices] IOrderRepository repository, [FromServices] TimeProvider time, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var target = request.Status ?? throw new RequestValidationException("status", "Required: Confirmed, Shipped, Delivered or Cancelled.");
        var ifMatch = httpRequest.Headers.IfMatch.ToString();
        long? expected = string.IsNullOrEmpty(ifMatch) && request.Version is null ? null : OrderRequestValidator.ExpectedVersion(ifMatch, request.Version);
        var current = await FindAsync(id, tenant, repository, cancellationToken).ConfigureAwait(false);
        if (expected is { } version)
        {
            EnsureVersion(current, version);
        }

        OrderTransitions.EnsureAllowed(current.Status, target);

        // The update is conditional on the version just read, so a concurrent transition cannot be overwritten.
        var updated = await repository.UpdateAsync(tenant.Scope, current with { Status = target, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        SetETag(response, updated);
        return TypedResults.Ok(OrderResponse.From(updated));
    }

    internal static async Task<IResult> DeleteAsync(string id, RequestTenant tenant, [FromServices] IOrderRepository repository, HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        OrderRequestValidator.ValidateId(id);
        var ifMatch = httpRequest.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch))
        {
            var current = await FindAsync(id, tenant, repository, cancellationToken).ConfigureAwait(false);
            EnsureVersion(current, OrderRequestValidator.ExpectedVersion(ifMatch, null));
        }

        return await repository.DeleteAsync(tenant.Scope, id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : throw new ItemNotFoundException("The order does not exist.");
    }

    private static async Task<Order> FindAsync(string id, RequestTenant tenant, IOrderRepository repository, CancellationToken cancellationToken)
    {
        OrderRequestValidator.ValidateId(id);
        return await repository.GetAsync(tenant.Scope, id, cancellationToken).ConfigureAwait(false)
            ?? throw new ItemNotFoundException("The order does not exist.");
    }

    private static void EnsureVersion(Order current, long expected)
    {
        if (current.Version != expected)
        {
            throw new ConcurrencyConflictException($"The order is at version {current.Version}, not {expected}.");
        }
    }

    private static void SetETag(HttpResponse response, Order order) =>
        response.Headers.ETag = "\"" + order.Version.ToString(CultureInfo.InvariantCulture) + "\"";
}
