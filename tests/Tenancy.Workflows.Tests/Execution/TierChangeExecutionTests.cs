using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.TierChange;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Lambda.Functions;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Local.Emulator.Template;
using Tenancy.Testing;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Fakes;
using Tenancy.Testing.Samples;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>
/// The real tier-change definition executed by aws-local-stepfunctions, its Lambda tasks served by the real
/// tier-change handler over DynamoDB Local: the success path moves a tenant to its silo table, a failure before the
/// switch ends in the rollback with the tenant exactly where it was.
/// </summary>
public sealed class TierChangeExecutionTests(DynamoDbLocalFixture dynamo) : IClassFixture<DynamoDbLocalFixture>
{
    private const int Orders = 75;

    [Fact]
    public async Task A_pooled_tenant_moves_to_its_silo_table()
    {
        var world = await WorldAsync();
        var tenant = await world.OnboardAsync("umbrella");

        var result = await world.RunAsync(tenant, "Silo");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var registration = await world.ReadAsync(tenant);
        Assert.Null(registration.TierChange);
        Assert.Equal(TenancyModel.Silo, registration.Placement.Model);
        Assert.Equal($"{world.Settings.PooledTableName}-umbrella", registration.Placement.TableName);
        Assert.Equal(0, await world.CountAsync(world.Settings.PooledTableName, tenant));
        Assert.Equal(Orders, await world.CountAsync(registration.Placement.TableName, tenant));
        Assert.True(result.EnteredStates.Count(s => s == "Copy") > 1, "the copy did not paginate");
        Assert.Equal(["Freeze", "WaitForRegistryCaches", "PrepareTarget"], result.EnteredStates.Take(3));
        Assert.Contains("Switch", result.EnteredStates);
        Assert.DoesNotContain("Rollback", result.EnteredStates);

        // Served from the silo table, encrypted notes re-sealed for it.
        var scope = await world.Scopes().CreateAsync(tenant, new TenantRequestor("auditor"));
        Assert.Equal("note 7", (await new OrderRepository().GetAsync(scope, "c", "o7"))!.Note);
    }

    [Fact]
    public async Task A_failure_before_the_switch_rolls_back_to_the_untouched_pool()
    {
        var world = await WorldAsync();
        var tenant = await world.OnboardAsync("cyberdyne");
        world.Faults.FailState("DigestTarget", "States.TaskFailed", "injected");

        var result = await world.RunAsync(tenant, "Silo");

        Assert.Equal("TierChangeRolledBack", result.Error);
        Assert.Contains("RemoveTarget", result.EnteredStates);
        Assert.DoesNotContain("Switch", result.EnteredStates);
        var registration = await world.ReadAsync(tenant);
        Assert.Null(registration.TierChange);
        Assert.Equal(TenancyModel.Pool, registration.Placement.Model);
        Assert.Equal(world.Settings.PooledTableName, registration.Placement.TableName);
        Assert.Equal(Orders, await world.CountAsync(world.Settings.PooledTableName, tenant));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => world.Client.DescribeTableAsync($"{world.Settings.PooledTableName}-cyberdyne"));
    }

    [Fact]
    public async Task A_tenant_already_in_the_target_model_is_refused_without_change()
    {
        var world = await WorldAsync();
        var tenant = await world.OnboardAsync("soylent");

        var result = await world.RunAsync(tenant, "Pool");

        Assert.Equal("TierChangeRefused", result.Error);
        Assert.Equal(["Freeze", "MoveRefused"], result.EnteredStates);
        Assert.Null((await world.ReadAsync(tenant)).TierChange);
    }

    private async Task<World> WorldAsync()
    {
        var client = dynamo.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = new ControlPlaneSettings { RegistryTableName = $"TenantRegistry-{suffix}", PooledTableName = $"AppData-{suffix}" };
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = settings.RegistryTableName,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(TenantRegistryAttributes.TenantId, Amazon.DynamoDBv2.ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(TenantRegistryAttributes.TenantId, Amazon.DynamoDBv2.KeyType.HASH)],
        });
        await LocalTableProvisioner.CreateAsync(client, TenancyTemplate.Load(RepositoryFiles.PathOf("template.yaml")).Table("AppDataTable"), settings.PooledTableName, CancellationToken.None);
        return new World(client, settings, await StepFunctionsToolsInstallation.EnsureInstalledAsync());
    }

    private sealed class World
    {
        private readonly LocalStateMachineRunner _runner;
        private readonly TestFieldEncryptorFactory _encryptors = new();

        public World(Amazon.DynamoDBv2.AmazonDynamoDBClient client, ControlPlaneSettings settings, StepFunctionsToolsInstallation tools)
        {
            Client = client;
            Settings = settings;
            var clients = new FixedTenantClientProvider(client);
            var handler = new TierChangeHandler(
                client,
                settings,
                new TierChangeOptions { MaxItemsPerInvocation = 30, PageSize = 10 },
                registration => _encryptors.Create(registration.TenantId, registration.Placement, clients.GetClientsAsync(registration.TenantId, new TenantRequestor("tier-change"), CancellationToken.None).AsTask().Result));
            var host = TierChangeFunctions.Map(new LambdaFunctionHost(), () => handler);
            Faults = new FaultInjectingTaskDispatcher(new LocalTaskDispatcher(
                new InProcessControlPlaneFunctions(host, new Dictionary<string, string>(StringComparer.Ordinal) { ["TierChangeFunction"] = TierChangeFunctions.TierChange }),
                []));
            _runner = new LocalStateMachineRunner(tools, Faults);
        }

        public Amazon.DynamoDBv2.AmazonDynamoDBClient Client { get; }

        public ControlPlaneSettings Settings { get; }

        public FaultInjectingTaskDispatcher Faults { get; }

        public TenantScopeFactory Scopes() => new(
            new DynamoDbTenantRegistry(Client, new TenantRegistryOptions { TableName = Settings.RegistryTableName, PositiveCacheDuration = TimeSpan.Zero, NegativeCacheDuration = TimeSpan.Zero }),
            new FixedTenantClientProvider(Client),
            _encryptors);

        public async Task<TenantId> OnboardAsync(string id)
        {
            var tenant = TenantId.Parse(id);
            var writer = new TenantRegistryWriter(Client, Settings);
            await writer.RegisterAsync(tenant, id, TenantTier.Basic, CancellationToken.None);
            await writer.TransitionAsync(tenant, RegistryTransition.Activate, null, CancellationToken.None);
            var scope = await Scopes().CreateAsync(tenant, new TenantRequestor("seeder"));
            var orders = new OrderRepository();
            for (var i = 0; i < Orders; i++)
            {
                await orders.CreateAsync(scope, new Order { CustomerId = "c", Id = $"o{i}", Status = OrderStatus.Pending, CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i), Note = $"note {i}" });
            }

            return tenant;
        }

        public Task<StateMachineExecutionResult> RunAsync(TenantId tenant, string targetModel)
        {
            var arn = $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:TierChangeFunction";
            var definition = DefinitionSubstitutions.Apply(StateMachineFiles.Text("tier-change.asl.json"), new Dictionary<string, string>(StringComparer.Ordinal) { ["TierChangeFunctionArn"] = arn });
            return _runner.RunAsync(
                "tenancy-tier-change",
                definition,
                new JsonObject { ["tenantId"] = tenant.Value, ["targetModel"] = targetModel },
                $"tier-change-{tenant.Value}-{Guid.NewGuid():N}",
                new StateMachineRunOptions(WaitMilliseconds: 10, RetryMilliseconds: 1));
        }

        public Task<TenantRegistration> ReadAsync(TenantId tenant) => new TierChangeRegistry(Client, Settings).ReadAsync(tenant, CancellationToken.None);

        public async Task<int> CountAsync(string table, TenantId tenant)
        {
            var count = 0;
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await Client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true, ProjectionExpression = "PK" });
                count += (page.Items ?? []).Count(i => i["PK"].S.StartsWith($"TENANT#{tenant.Value}#", StringComparison.Ordinal));
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);
            return count;
        }
    }
}
