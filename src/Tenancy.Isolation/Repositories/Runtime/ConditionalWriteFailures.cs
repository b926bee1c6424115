using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Maps a failed write condition to the typed exception callers handle. Writes ask for
/// <c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>, so an empty returned item means the item did not exist.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConditionalWriteFailures
{
    /// <summary>The exception for a create whose item already existed.</summary>
    public static TenantDataException ForCreate(ConditionalCheckFailedException exception, string entityName) =>
        new ItemAlreadyExistsException($"A {entityName} with the same key already exists.", exception);

    /// <summary>The exception for an update whose item was missing or changed since it was read.</summary>
    public static TenantDataException ForUpdate(ConditionalCheckFailedException exception, string entityName)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Item is { Count: > 0 }
            ? new ConcurrencyConflictException($"The {entityName} was changed by someone else; reload it and retry.", exception)
            : new ItemNotFoundException($"The {entityName} does not exist.", exception);
    }
}
