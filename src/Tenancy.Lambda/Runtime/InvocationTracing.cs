using System.Diagnostics;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// Publishes an invocation's trace id the two ways code looks for it: the <c>_X_AMZN_TRACE_ID</c> environment variable
/// (what the AWS SDKs read in a custom runtime) and the current <see cref="Activity"/>.
/// </summary>
public static class InvocationTracing
{
    /// <summary>Name of the <see cref="ActivitySource"/> to listen to for invocation activities.</summary>
    public const string ActivitySourceName = "Tenancy.Lambda";
    /// <summary>Name of the activity started for each invocation.</summary>
    public const string ActivityName = "Tenancy.Lambda.Invoke";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Sets the trace id for this invocation and starts its activity; dispose the result when the invocation ends.</summary>
    public static Activity Begin(LambdaInvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Cleared when absent, so one invocation's trace id never leaks into the next.
        Environment.SetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable, context.TraceId);

        var hasParent = XRayTraceHeader.TryGetParent(context.TraceId, out var parent);
        Activity.Current = null;
        var activity = Source.StartActivity(ActivityName, ActivityKind.Server, hasParent ? parent : default)
            ?? StartUnobserved(hasParent, parent);
        activity.SetTag("faas.invocation_id", context.AwsRequestId);
        if (context.TenantId is not null)
        {
            activity.SetTag("faas.tenant_id", context.TenantId);
        }

        return activity;
    }

    // Without listeners the source creates nothing, but Activity.Current must still carry the trace for log correlation.
    private static Activity StartUnobserved(bool hasParent, ActivityContext parent)
    {
        var activity = new Activity(ActivityName);
        if (hasParent)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        return activity.Start();
    }
}
