namespace Tenancy.ControlPlane.Metering;

/// <summary>The close of one hour: how many counters this run closed, and the records still to announce.</summary>
public sealed record CloseHourResult(string Hour, int Closed, IReadOnlyList<BillingRecord> Records);
