namespace Tenancy.ControlPlane.Metering;

/// <summary>What happened to one tenant-hour group of a delivery.</summary>
public enum GroupOutcome
{
    /// <summary>Added to its counter.</summary>
    Counted,

    /// <summary>Already counted by an earlier delivery of the same events.</summary>
    Duplicate,

    /// <summary>Its hour was closed already: kept as late usage beside the counter, not billed.</summary>
    Late,
}
