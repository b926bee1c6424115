using Amazon.DynamoDBv2;
using Tenancy.Lambda.Functions;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// The metering handlers of the control-plane bootstrap: <c>usage-aggregator</c> (log subscription), <c>usage-close</c>
/// and <c>usage-published</c> (the hourly close workflow), <c>usage-query</c> (operators). Their clients are built on
/// first use, so the bootstrap's other functions never need the metering settings.
/// </summary>
public static class MeteringFunctions
{
    public static LambdaFunctionHost Map(LambdaFunctionHost host, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var time = clock ?? TimeProvider.System;
        var services = new Lazy<(MeteringSettings Settings, AmazonDynamoDBClient Client)>(static () => (MeteringSettings.FromEnvironment(), new AmazonDynamoDBClient()));
        var json = MeteringJsonContext.Default;
        return host
            .Map("usage-aggregator", json.LogsSubscriptionEvent, json.AggregationSummary, (delivery, _, cancellationToken) =>
                new UsageAggregator(new UsageCounterStore(services.Value.Client, services.Value.Settings.TableName, time)).AggregateAsync(delivery, cancellationToken))
            .Map("usage-close", json.CloseHourRequest, json.CloseHourResult, (request, _, cancellationToken) =>
            {
                var (settings, client) = services.Value;
                var hour = request.Hour is null
                    ? new UsageHour(UsageHour.Of(time.GetUtcNow() - settings.CloseGrace).Start.AddHours(-1))
                    : UsageHour.TryParse(request.Hour, out var parsed) ? parsed : throw new ArgumentException($"'{request.Hour}' is not an hour (yyyy-MM-ddTHH).", nameof(request));
                return new UsageCloser(client, settings.TableName, time, settings.CloseGrace).CloseAsync(hour, cancellationToken);
            })
            .Map("usage-published", json.MarkPublishedRequest, json.MarkPublishedResult, async (request, _, cancellationToken) =>
            {
                var (settings, client) = services.Value;
                var marked = await new UsageCloser(client, settings.TableName, time, settings.CloseGrace).MarkPublishedAsync(request.Records ?? [], cancellationToken).ConfigureAwait(false);
                return new MarkPublishedResult(marked);
            })
            .Map("usage-query", json.UsageQueryRequest, json.UsageReport, (query, _, cancellationToken) =>
                new UsageReader(services.Value.Client, services.Value.Settings.TableName).ReadAsync(query, cancellationToken));
    }
}
