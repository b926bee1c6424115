namespace Tenancy.Observability.Logging;

/// <summary>
/// Debug sampling: once per invocation (per request id; once per process outside Lambda) the dice decide whether
/// this invocation logs at Debug, as Powertools' <c>SamplingRate</c> does.
/// </summary>
internal sealed class LogSampler(double rate, Func<double> random)
{
    private Decision? _last;

    public double Rate => rate;

    /// <summary>
    /// Whether <paramref name="requestId"/>'s invocation is sampled. <paramref name="firstDecision"/> is true for the
    /// one caller that rolled the dice, so exactly one "Changed log level" line is written per sampled invocation.
    /// </summary>
    public bool IsSampled(string? requestId, out bool firstDecision, out double diceValue)
    {
        firstDecision = false;
        diceValue = 0;
        if (rate <= 0)
        {
            return false;
        }

        var last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.RequestId, requestId, StringComparison.Ordinal))
        {
            diceValue = last.DiceValue;
            return last.Sampled;
        }

        var value = random();
        var next = new Decision(requestId, value <= rate, value);
        var previous = Interlocked.CompareExchange(ref _last, next, last);
        if (!ReferenceEquals(previous, last) && previous is not null && string.Equals(previous.RequestId, requestId, StringComparison.Ordinal))
        {
            // Another thread of the same invocation decided first: use its decision.
            diceValue = previous.DiceValue;
            return previous.Sampled;
        }

        firstDecision = true;
        diceValue = value;
        return next.Sampled;
    }

    private sealed record Decision(string? RequestId, bool Sampled, double DiceValue);
}
