namespace Tenancy.Lambda.Runtime;

/// <summary>What the Runtime API answered to a <c>/response</c> or <c>/error</c> post.</summary>
public enum RuntimeApiOutcome
{
    /// <summary>202: delivered.</summary>
    Accepted,

    /// <summary>410: the invocation already timed out; Lambda has moved on.</summary>
    InvocationGone,

    /// <summary>413: the payload is over the Runtime API's size limit.</summary>
    PayloadTooLarge,

    /// <summary>Any other 4xx (wrong request id, invalid state transition): the post was refused.</summary>
    Rejected,
}
