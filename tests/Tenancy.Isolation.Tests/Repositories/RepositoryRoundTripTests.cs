using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Repositories;
using Tenancy.Isolation.Tests.TestSupport;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Samples;

namespace Tenancy.Isolation.Tests.Repositories;

/// <summary>Every generated operation against DynamoDB Local, within one tenant.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class RepositoryRoundTripTests(DynamoDbLocalFixture fixture)
{
    private readonly OrderRepository _orders = new();
    private readonly MemoRepository _memos = new();

    [Fact]
    public async Task Create_then_get_round_trips_the_order_with_version_one()
    {
        var order = NewOrder(Unique("c"), "o-1");

        var created = await _orders.CreateAsync(fixture.ScopeA, order);
        var read = await _orders.GetAsync(fixture.ScopeA, order.CustomerId, order.Id);

        Assert.Equal(1, created.Version);
        Assert.NotNull(read);
        AssertSameOrder(created, read);
    }

    [Fact]
    public async Task Keys_are_built_from_the_scope_tenant_and_the_templates()
    {
        var order = NewOrder(Unique("c"), "o-keys");
        await _orders.CreateAsync(fixture.ScopeA, order);

        var raw = await fixture.RawGetAsync($"TENANT#tenant-a#CUSTOMER#{order.CustomerId}", "ORDER#o-keys");

        Assert.NotNull(raw);
        Assert.Equal("TENANT#tenant-a#STATUS#Pending", raw["GSI1PK"].S);
        Assert.Equal("2026-01-02T03:04:05.0000000Z", raw["GSI1SK"].S);
    }

    [Fact]
    public async Task Create_of_an_existing_key_throws_ItemAlreadyExists()
    {
        var order = NewOrder(Unique("c"), "o-dup");
        await _orders.CreateAsync(fixture.ScopeA, order);

        await Assert.ThrowsAsync<ItemAlreadyExistsException>(() => _orders.CreateAsync(fixture.ScopeA, order with { Total = 1m }));
        Assert.Equal(order.Total, (await _orders.GetAsync(fixture.ScopeA, order.CustomerId, order.Id))!.Total);
    }

    [Fact]
    public async Task Update_checks_and_increments_the_version()
    {
        var created = await _orders.CreateAsync(fixture.ScopeA, NewOrder(Unique("c"), "o-upd"));

        var updated = await _orders.UpdateAsync(fixture.ScopeA, created with { Status = OrderStatus.Shipped });
        var stale = _orders.UpdateAsync(fixture.ScopeA, created with { Total = 0m });

        Assert.Equal(2, updated.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        var read = await _orders.GetAsync(fixture.ScopeA, created.CustomerId, created.Id);
        Assert.Equal(OrderStatus.Shipped, read!.Status);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Update_of_a_missing_item_throws_ItemNotFound()
    {
        await Assert.ThrowsAsync<ItemNotFoundException>(() => _orders.UpdateAsync(fixture.ScopeA, NewOrder(Unique("c"), "o-missing")));
    }

    [Fact]
    public async Task Upsert_overwrites_and_delete_reports_whether_it_deleted()
    {
        var order = NewOrder(Unique("c"), "o-ups");
        await _orders.UpsertAsync(fixture.ScopeA, order);
        await _orders.UpsertAsync(fixture.ScopeA, order with { Total = 99.5m });

        Assert.Equal(99.5m, (await _orders.GetAsync(fixture.ScopeA, order.CustomerId, order.Id))!.Total);
        Assert.True(await _orders.DeleteAsync(fixture.ScopeA, order.CustomerId, order.Id));
        Assert.False(await _orders.DeleteAsync(fixture.ScopeA, order.CustomerId, order.Id));
        Assert.Null(await _orders.GetAsync(fixture.ScopeA, order.CustomerId, order.Id));
    }

    [Fact]
    public async Task Query_pages_through_one_partition_with_continuation_tokens()
    {
        var customer = Unique("c");
        for (var i = 0; i < 7; i++)
        {
            await _orders.CreateAsync(fixture.ScopeA, NewOrder(customer, $"o-{i}"));
        }

        await _orders.CreateAsync(fixture.ScopeA, NewOrder(Unique("other"), "o-0"));

        var ids = new List<string>();
        var page = PageRequest.First(3);
        var pages = 0;
        while (true)
        {
            var result = await _orders.QueryByCustomerAsync(fixture.ScopeA, customer, null, page);
            pages++;
            ids.AddRange(result.Items.Select(o => o.Id));
            if (result.ContinuationToken is null)
            {
                break;
            }

            page = new PageRequest(3, result.ContinuationToken);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"o-{i}"), ids);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Sort_key_conditions_narrow_within_the_entity_prefix()
    {
        var customer = Unique("c");
        foreach (var id in new[] { "a1", "a2", "b1", "b2", "c1" })
        {
            await _orders.CreateAsync(fixture.ScopeA, NewOrder(customer, id));
        }

        async Task<string[]> Ids(SortKeyCondition condition) =>
            (await _orders.QueryByCustomerAsync(fixture.ScopeA, customer, condition, PageRequest.First(100))).Items.Select(o => o.Id).ToArray();

        Assert.Equal(["a1", "a2"], await Ids(SortKeyCondition.BeginsWith("a")));
        Assert.Equal(["a2", "b1", "b2"], await Ids(SortKeyCondition.Between("a2", "b2")));
        Assert.Equal(["b2", "c1"], await Ids(SortKeyCondition.GreaterThanOrEqual("b2")));
        Assert.Equal(["a1", "a2", "b1"], await Ids(SortKeyCondition.LessThanOrEqual("b1")));
    }

    [Fact]
    public async Task Index_query_reads_by_status_and_time_range()
    {
        var customer = Unique("c");
        var status = OrderStatus.Cancelled;
        var start = new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 4; day++)
        {
            await _orders.CreateAsync(fixture.ScopeA, NewOrder(customer, $"g{day}") with { Status = status, CreatedAt = start.AddDays(day) });
        }

        var all = await _orders.QueryByStatusAsync(fixture.ScopeA, status, null, PageRequest.First(100));
        var range = await _orders.QueryByStatusAsync(
            fixture.ScopeA, status, SortKeyCondition.Between("2030-05-02", "2030-05-03T23"), PageRequest.First(100));

        Assert.Equal(["g0", "g1", "g2", "g3"], all.Items.Where(o => o.CustomerId == customer).Select(o => o.Id));
        Assert.Equal(["g1", "g2"], range.Items.Where(o => o.CustomerId == customer).Select(o => o.Id));
    }

    [Fact]
    public async Task Index_query_pages_with_tokens()
    {
        var customer = Unique("c");
        var createdAt = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await _orders.CreateAsync(fixture.ScopeB, NewOrder(customer, $"p{i}") with { Status = OrderStatus.Shipped, CreatedAt = createdAt.AddMinutes(i) });
        }

        var seen = new List<string>();
        var page = PageRequest.First(2);
        for (var guard = 0; guard < 20; guard++)
        {
            var result = await _orders.QueryByStatusAsync(fixture.ScopeB, OrderStatus.Shipped, SortKeyCondition.BeginsWith("2031-01-01"), page);
            seen.AddRange(result.Items.Select(o => o.Id));
            if (result.ContinuationToken is null)
            {
                break;
            }

            page = new PageRequest(2, result.ContinuationToken);
        }

        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], seen);
    }

    [Fact]
    public async Task Batch_get_chunks_dedupes_and_keeps_key_order()
    {
        var memos = Enumerable.Range(0, 150).Select(i => new Memo(Guid.NewGuid(), $"memo {i}", i % 2 == 0 ? [(byte)i] : null)).ToList();
        foreach (var memo in memos)
        {
            await _memos.UpsertAsync(fixture.ScopeA, memo);
        }

        var wanted = memos.Select(m => m.Id).Reverse().Append(memos[0].Id).Append(Guid.NewGuid()).ToList();
        var found = await _memos.BatchGetAsync(fixture.ScopeA, wanted);

        Assert.Equal(memos.Select(m => m.Id).Reverse(), found.Select(m => m.Id));
        Assert.Equal(memos[4].Attachment, found.Single(m => m.Id == memos[4].Id).Attachment);
        Assert.Null(found.Single(m => m.Id == memos[5].Id).Attachment);
    }

    [Fact]
    public async Task Encrypted_attribute_is_stored_as_ciphertext_and_read_back()
    {
        var order = NewOrder(Unique("c"), "o-enc") with { Note = "leave at the back door" };
        await _orders.CreateAsync(fixture.ScopeA, order);

        var raw = await fixture.RawGetAsync($"TENANT#tenant-a#CUSTOMER#{order.CustomerId}", "ORDER#o-enc");
        var read = await _orders.GetAsync(fixture.ScopeA, order.CustomerId, order.Id);

        Assert.Null(raw!["Note"].S);
        Assert.NotNull(raw["Note"].B);
        Assert.DoesNotContain("back door", System.Text.Encoding.UTF8.GetString(raw["Note"].B.ToArray()), StringComparison.Ordinal);
        Assert.Equal("leave at the back door", read!.Note);
    }

    [Fact]
    public async Task Encrypted_entities_fail_closed_without_an_encryptor()
    {
        var order = NewOrder(Unique("c"), "o-noenc");
        await _orders.CreateAsync(fixture.ScopeA, order);

        await Assert.ThrowsAsync<TenantEncryptionException>(() => _orders.CreateAsync(fixture.ScopeAWithoutEncryption, NewOrder(Unique("c"), "o-x")));
        await Assert.ThrowsAsync<TenantEncryptionException>(() => _orders.GetAsync(fixture.ScopeAWithoutEncryption, order.CustomerId, order.Id));
    }

    [Fact]
    public async Task Ciphertext_copied_to_another_item_does_not_decrypt()
    {
        var source = NewOrder(Unique("c"), "o-src") with { Note = "secret" };
        var target = NewOrder(source.CustomerId, "o-dst") with { Note = "other" };
        await _orders.CreateAsync(fixture.ScopeA, source);
        await _orders.CreateAsync(fixture.ScopeA, target);
        var pk = $"TENANT#tenant-a#CUSTOMER#{source.CustomerId}";
        var ciphertext = (await fixture.RawGetAsync(pk, "ORDER#o-src"))!["Note"];

        await fixture.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = DynamoDbLocalFixture.TableName,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = pk }, ["SK"] = new() { S = "ORDER#o-dst" } },
            UpdateExpression = "SET Note = :n",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":n"] = ciphertext },
        });

        await Assert.ThrowsAsync<TenantEncryptionException>(() => _orders.GetAsync(fixture.ScopeA, target.CustomerId, target.Id));
    }

    internal static Order NewOrder(string customerId, string id) => new()
    {
        CustomerId = customerId,
        Id = id,
        Status = OrderStatus.Pending,
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Total = 12.34m,
        Lines = [new OrderLine { Sku = "SKU-1", Quantity = 2, UnitPrice = 6.17m }],
        ShippingAddress = new Address("1 Main St", "Springfield", null),
        Note = "fragile",
    };

    internal static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static void AssertSameOrder(Order expected, Order actual)
    {
        var noLines = new List<OrderLine>();
        Assert.Equal(expected with { Lines = noLines }, actual with { Lines = noLines });
        Assert.Equal(expected.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice)), actual.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice)));
    }
}
