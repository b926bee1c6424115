namespace Tenancy.ControlPlane.Metering;

/// <summary>Which hour to close (<c>yyyy-MM-ddTHH</c>); absent means the last hour whose grace has passed.</summary>
public sealed record CloseHourRequest(string? Hour);

/// <summary>The billing records whose <c>TenantUsageClosed</c> events were put.</summary>
public sealed record MarkPublishedRequest(IReadOnlyList<BillingRecord>? Records);

/// <summary>How many records were marked announced.</summary>
public sealed record MarkPublishedResult(int Marked);
