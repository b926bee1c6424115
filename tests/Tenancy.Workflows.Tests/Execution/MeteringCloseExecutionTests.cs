using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.ControlPlane.Metering;
using Tenancy.Lambda.Functions;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Observability.Usage;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Events;
using Tenancy.Workflows.Tests.Simulated;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>
/// The real metering-close definition executed by aws-local-stepfunctions, its Lambda tasks served by the real
/// metering handlers over DynamoDB Local: closing the same hour twice bills each tenant-hour once and announces it once.
/// </summary>
public sealed class MeteringCloseExecutionTests(DynamoDbLocalFixture dynamo) : IClassFixture<DynamoDbLocalFixture>
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Closing_the_same_hour_twice_bills_and_announces_each_tenant_hour_once()
    {
        var client = dynamo.CreateClient();
        var table = $"Metering-{Guid.NewGuid():N}";
        await client.CreateTableAsync(MeteringTableSchema.CreateTableRequest(table));
        // The metering handlers build their own client and settings from the environment, as in Lambda.
        Environment.SetEnvironmentVariable(MeteringSettings.TableNameVariable, table);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", dynamo.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
        var clock = new FakeTimeProvider(Hour.AddHours(2));
        await new UsageAggregator(new UsageCounterStore(client, table, clock)).AggregateAsync(Delivery(), CancellationToken.None);

        var host = MeteringFunctions.Map(new LambdaFunctionHost(), clock);
        var events = new SimulatedEventBridge();
        var functions = new InProcessControlPlaneFunctions(host, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["UsageCloseFunction"] = "usage-close",
            ["UsagePublishedFunction"] = "usage-published",
        });
        var runner = new LocalStateMachineRunner(await StepFunctionsToolsInstallation.EnsureInstalledAsync(), new LocalTaskDispatcher(functions, [events]));
        var definition = DefinitionSubstitutions.Apply(StateMachineFiles.Text("metering-close.asl.json"), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["UsageCloseFunctionArn"] = $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:UsageCloseFunction",
            ["UsagePublishedFunctionArn"] = $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:UsagePublishedFunction",
            ["EventBusName"] = "tenancy-local-tenant-lifecycle",
        });
        var input = new JsonObject { ["hour"] = Hour.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture) };

        for (var run = 0; run < 2; run++)
        {
            var result = await runner.RunAsync("tenancy-metering-close", definition, input.DeepClone(), $"close-{run}-{Guid.NewGuid():N}", StateMachineRunOptions.Fast);
            Assert.True(result.Succeeded, $"run {run}: {result.Error}: {result.Cause}\n{string.Join("\n", result.Events.TakeLast(4).Select(e => e?.ToJsonString()))}");
        }

        var billing = (await client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Items
            .Select(i => i["PK"].S).Where(pk => pk.StartsWith("BILLING#", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["BILLING#acme#2026-12-01T10", "BILLING#globex#2026-12-01T10"], billing);
        var announced = events.Entries().Where(e => e["DetailType"]?.GetValue<string>() == "TenantUsageClosed").ToList();
        Assert.Equal(2, announced.Count);
        var tenants = announced.Select(e => (e["Detail"] is JsonValue text ? JsonNode.Parse(text.GetValue<string>())! : e["Detail"]!)["tenantId"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["acme", "globex"], tenants);
    }

    private static LogsSubscriptionEvent Delivery()
    {
        var lines = new List<(string Id, string Message)>();
        for (var i = 0; i < 30; i++)
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            new UsageRecordWriter(output).Write(new UsageRecord
            {
                Timestamp = Hour.AddMinutes(i),
                TenantId = i % 3 == 0 ? "globex" : "acme",
                Tier = i % 3 == 0 ? "Premium" : "Basic",
                Service = "tenant-api",
                Operation = "GET /orders/{id}",
                Status = 200,
                ItemsRead = 1,
                BytesOut = 100,
                DurationMs = 2,
                ComputeMs = 3,
            });
            lines.Add((i.ToString("D36", CultureInfo.InvariantCulture), output.ToString().TrimEnd('\n')));
        }

        return JsonSerializer.Deserialize(AwsLogsDelivery.Data(lines), MeteringJsonContext.Default.LogsSubscriptionEvent)!;
    }
}
