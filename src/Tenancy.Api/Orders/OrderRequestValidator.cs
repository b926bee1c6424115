using System.Net.Mail;
using Tenancy.Api.Problems;

namespace Tenancy.Api.Orders;

/// <summary>Checks order input and turns it into domain values, collecting every field error before failing with 400.</summary>
public static class OrderRequestValidator
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 10_000;
    public const decimal MaxUnitPrice = 1_000_000m;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public static (string Name, string Email, List<OrderLine> Lines) Validate(string? customerName, string? customerEmail, List<OrderLineRequest>? lines)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = customerName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.Any(char.IsControl))
        {
            errors["customerName"] = ["Required: 1 to 200 characters, no control characters."];
        }

        var email = customerEmail?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors["customerEmail"] = ["Required: a single email address, at most 254 characters."];
        }

        var domainLines = new List<OrderLine>();
        if (lines is null || lines.Count == 0 || lines.Count > MaxLines)
        {
            errors["lines"] = [$"Required: 1 to {MaxLines} lines."];
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line is null)
                {
                    errors[$"lines[{i}]"] = ["A line is required."];
                    continue;
                }

                if (string.IsNullOrEmpty(line.Sku) || line.Sku.Length > 64 || !line.Sku.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                {
                    errors[$"lines[{i}].sku"] = ["Required: 1 to 64 of letters, digits, '-', '_', '.'."];
                }

                if (line.Quantity is null or < 1 or > MaxQuantity)
                {
                    errors[$"lines[{i}].quantity"] = [$"Required: 1 to {MaxQuantity}."];
                }

                if (line.UnitPrice is null or < 0 or > MaxUnitPrice || (line.UnitPrice is { } price && decimal.Round(price, 2) != price))
                {
                    errors[$"lines[{i}].unitPrice"] = [$"Required: 0 to {MaxUnitPrice} with at most two decimals."];
                }

                domainLines.Add(new OrderLine { Sku = line.Sku ?? string.Empty, Quantity = line.Quantity ?? 0, UnitPrice = line.UnitPrice ?? 0 });
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (name!, email!, domainLines);
    }

    /// <summary>Order ids are what the API issues (32 lowercase hex digits); anything else is refused before any lookup.</summary>
    public static void ValidateId(string id)
    {
        if (id is not { Length: 32 } || !id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new RequestValidationException("id", "An order id is 32 lowercase hexadecimal digits.");
        }
    }

    public static int ValidateLimit(int? limit) =>
        limit switch
        {
            null => DefaultPageSize,
            >= 1 and <= MaxPageSize => limit.Value,
            _ => throw new RequestValidationException("limit", $"Between 1 and {MaxPageSize}."),
        };

    public static void ValidateContinuationToken(string? token)
    {
        if (token is { Length: > 4096 } || (token is not null && token.Length == 0))
        {
            throw new RequestValidationException("continuationToken", "The continuation token is not valid for this query.");
        }
    }

    /// <summary>The version the client expects: from <c>If-Match</c> (<c>"3"</c>, <c>W/"3"</c>) or the body; both must agree.</summary>
    public static long ExpectedVersion(string? ifMatch, long? bodyVersion)
    {
        long? headerVersion = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var value = ifMatch.Trim();
            if (value.StartsWith("W/", StringComparison.Ordinal))
            {
                value = value[2..];
            }

            value = value.Trim('"');
            if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                throw new RequestValidationException("If-Match", "If-Match must be the order's ETag, e.g. \"3\".");
            }

            headerVersion = parsed;
        }

        if (headerVersion is not null && bodyVersion is not null && headerVersion != bodyVersion)
        {
            throw new RequestValidationException("version", "The body version and If-Match disagree.");
        }

        return headerVersion ?? bodyVersion ?? throw new RequestValidationException("version", "Send the current version in If-Match or in the body's version.");
    }

    public static decimal TotalOf(List<OrderLine> lines) => lines.Sum(l => l.Quantity * l.UnitPrice);
}
