using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.Isolation.Registry;
using Tenancy.Isolation.Tests.TestSupport;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Fakes;

namespace Tenancy.Isolation.Tests.Registry;

/// <summary>The registry reader against DynamoDB Local with the item schema of docs/tenant-registry.md.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbTenantRegistryTests : IAsyncLifetime
{
    private readonly AmazonDynamoDBClient _client;
    private readonly string _table = $"TenantRegistry-{Guid.NewGuid():N}";
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly List<(TenantId Tenant, string Reason)> _unservable = [];

    public DynamoDbTenantRegistryTests(DynamoDbLocalFixture dynamo)
    {
        _client = dynamo.CreateClient();
    }

    public async Task InitializeAsync()
    {
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = _table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("TenantId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("TenantId", KeyType.HASH)],
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DeleteTableAsync(_table);
        _client.Dispose();
    }

    [Fact]
    public async Task Reads_an_active_pooled_tenant_with_its_placement()
    {
        await PutAsync(Item("acme"));
        var registry = NewRegistry();

        var registration = await registry.FindAsync(TenantId.Parse("acme"), CancellationToken.None);

        Assert.NotNull(registration);
        Assert.Equal(TenantId.Parse("acme"), registration.TenantId);
        Assert.Equal("Acme Corp", registration.Name);
        Assert.Equal(TenantTier.Basic, registration.Tier);
        Assert.Equal(TenantStatus.Active, registration.Status);
        Assert.Equal(new TenantPlacement(TenancyModel.Pool, "AppData", "alias/tenancy/acme", "tenant-bucket", "tenants/acme/"), registration.Placement);
    }

    [Fact]
    public async Task Reads_a_siloed_premium_tenant_without_a_bucket()
    {
        var item = Item("globex", tier: "Premium", model: "Silo", table: "AppData-globex");
        item.Remove("BucketName");
        await PutAsync(item);

        var registration = await NewRegistry().FindAsync(TenantId.Parse("globex"), CancellationToken.None);

        Assert.Equal(TenantTier.Premium, registration!.Tier);
        Assert.Equal(TenancyModel.Silo, registration.Placement.Model);
        Assert.Equal("AppData-globex", registration.Placement.TableName);
        Assert.Null(registration.Placement.BucketName);
    }

    [Fact]
    public async Task Unknown_tenant_is_null()
    {
        Assert.Null(await NewRegistry().FindAsync(TenantId.Parse("nobody"), CancellationToken.None));
    }

    public static TheoryData<string, string?> UnservableItems() => new()
    {
        { "Tier", "Gold" },
        { "Tier", "basic" },
        { "Status", "1" },
        { "Status", "Paused" },
        { "Model", "Bridge" },
        { "KmsKeyId", null },
        { "TableName", null },
        { "BucketPrefix", null },
    };

    [Theory]
    [MemberData(nameof(UnservableItems))]
    public async Task Items_the_reader_does_not_understand_refuse_the_tenant(string attribute, string? value)
    {
        var id = $"t{Guid.NewGuid():N}"[..20];
        var item = Item(id);
        if (value is null)
        {
            item.Remove(attribute);
            await PutAsync(item);
        }
        else
        {
            item[attribute] = new AttributeValue { S = value };
            await PutAsync(item);
        }

        var registry = NewRegistry();
        var tenant = TenantId.Parse(id);

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await registry.FindAsync(tenant, CancellationToken.None));
        Assert.Equal(TenantAccessDeniedReason.InactiveTenant, ex.Reason);
        Assert.IsType<UnservableTenantRegistrationException>(ex.InnerException);
        Assert.Single(_unservable);
    }

    [Theory]
    [InlineData("globex")]
    [InlineData("ACME")]
    [InlineData(null)]
    public void An_item_whose_id_is_not_the_requested_tenant_is_unservable(string? storedId)
    {
        var item = Item("acme");
        if (storedId is null)
        {
            item.Remove("TenantId");
        }
        else
        {
            item["TenantId"] = new AttributeValue { S = storedId };
        }

        Assert.False(TenantRegistryItemCodec.TryDecode(TenantId.Parse("acme"), item, out var registration, out var error));
        Assert.Null(registration);
        Assert.Contains("TenantId", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspended_tenant_is_returned_with_its_status_so_the_scope_factory_refuses_it()
    {
        await PutAsync(Item("initech", status: "Suspended"));

        var registration = await NewRegistry().FindAsync(TenantId.Parse("initech"), CancellationToken.None);

        Assert.Equal(TenantStatus.Suspended, registration!.Status);
    }

    [Fact]
    public async Task Found_tenants_are_cached_for_the_positive_window()
    {
        await PutAsync(Item("acme"));
        var registry = NewRegistry();
        var acme = TenantId.Parse("acme");

        for (var i = 0; i < 100; i++)
        {
            await registry.FindAsync(acme, CancellationToken.None);
        }

        Assert.Equal(1, registry.TableReads);

        await PutAsync(Item("acme", status: "Suspended"));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(TenantStatus.Active, (await registry.FindAsync(acme, CancellationToken.None))!.Status);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TenantStatus.Suspended, (await registry.FindAsync(acme, CancellationToken.None))!.Status);
        Assert.Equal(2, registry.TableReads);
    }

    [Fact]
    public async Task Unknown_tenants_are_cached_for_the_negative_window()
    {
        var registry = NewRegistry();
        var late = TenantId.Parse("late-comer");

        Assert.Null(await registry.FindAsync(late, CancellationToken.None));
        await PutAsync(Item("late-comer"));
        Assert.Null(await registry.FindAsync(late, CancellationToken.None));
        Assert.Equal(1, registry.TableReads);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.NotNull(await registry.FindAsync(late, CancellationToken.None));
        Assert.Equal(2, registry.TableReads);
    }

    [Fact]
    public async Task The_cache_is_bounded()
    {
        foreach (var id in new[] { "aaa", "bbb", "ccc" })
        {
            await PutAsync(Item(id));
        }

        var registry = NewRegistry(maxTenants: 2);
        await registry.FindAsync(TenantId.Parse("aaa"), CancellationToken.None);
        await registry.FindAsync(TenantId.Parse("bbb"), CancellationToken.None);
        await registry.FindAsync(TenantId.Parse("ccc"), CancellationToken.None);
        await registry.FindAsync(TenantId.Parse("aaa"), CancellationToken.None);

        Assert.Equal(4, registry.TableReads);
    }

    [Fact]
    public async Task Scope_factory_refuses_a_tenant_the_registry_cannot_serve()
    {
        await PutAsync(Item("hooli", tier: "Platinum"));
        var factory = new TenantScopeFactory(NewRegistry(), new UnreachableTenantClientProvider());

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await factory.CreateAsync(TenantId.Parse("hooli"), new TenantRequestor("user-1")));

        Assert.Equal(TenantAccessDeniedReason.InactiveTenant, ex.Reason);
    }

    private DynamoDbTenantRegistry NewRegistry(int maxTenants = 100) => new(
        _client,
        new TenantRegistryOptions { TableName = _table, MaxCachedTenants = maxTenants, UnservableRegistration = (t, r) => _unservable.Add((t, r)) },
        _time);

    private Task PutAsync(Dictionary<string, AttributeValue> item) => _client.PutItemAsync(new PutItemRequest { TableName = _table, Item = item });

    /// <summary>An item as the control plane writes it (through the codec), for the tests to read back or spoil.</summary>
    private static Dictionary<string, AttributeValue> Item(string id, string tier = "Basic", string status = "Active", string model = "Pool", string table = "AppData")
    {
        var tenant = TenantId.Parse(id);
        var registration = new TenantRegistration(
            tenant,
            id == "acme" ? "Acme Corp" : id,
            TenantTier.Basic,
            TenantStatus.Active,
            new TenantPlacement(TenancyModel.Pool, table, $"alias/tenancy/{id}", "tenant-bucket", $"tenants/{id}/"));
        var written = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var item = TenantRegistryItemCodec.Encode(registration, written, written);

        // Tiers, statuses and models the codec cannot write (e.g. "Gold") are what the strict reader must refuse.
        item[TenantRegistryAttributes.Tier] = new AttributeValue { S = tier };
        item[TenantRegistryAttributes.Status] = new AttributeValue { S = status };
        item[TenantRegistryAttributes.Model] = new AttributeValue { S = model };
        return item;
    }
}
