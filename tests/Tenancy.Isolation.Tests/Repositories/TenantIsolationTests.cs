using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation.Repositories;
using Tenancy.Isolation.Tests.TestSupport;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Samples;

namespace Tenancy.Isolation.Tests.Repositories;

/// <summary>
/// No operation in tenant A's scope can read, list, overwrite or delete tenant B's items: not by equal ids, not through
/// the index, batch get, forged key segments or B's continuation tokens.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class TenantIsolationTests(DynamoDbLocalFixture fixture)
{
    private readonly OrderRepository _orders = new();
    private readonly MemoRepository _memos = new();

    [Fact]
    public async Task Same_ids_in_two_tenants_are_two_items()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        await _orders.CreateAsync(fixture.ScopeA, RepositoryRoundTripTests.NewOrder(customer, "same") with { Total = 1m });
        await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, "same") with { Total = 2m });

        Assert.Equal(1m, (await _orders.GetAsync(fixture.ScopeA, customer, "same"))!.Total);
        Assert.Equal(2m, (await _orders.GetAsync(fixture.ScopeB, customer, "same"))!.Total);
    }

    [Fact]
    public async Task A_cannot_get_list_or_batch_get_B_items()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, "b-only") with { Status = OrderStatus.Cancelled });
        var memo = new Memo(Guid.NewGuid(), "b's memo", null);
        await _memos.UpsertAsync(fixture.ScopeB, memo);

        Assert.Null(await _orders.GetAsync(fixture.ScopeA, customer, "b-only"));
        Assert.Empty((await _orders.QueryByCustomerAsync(fixture.ScopeA, customer, null, PageRequest.First(100))).Items);
        Assert.DoesNotContain((await _orders.QueryByStatusAsync(fixture.ScopeA, OrderStatus.Cancelled, null, PageRequest.First(1000))).Items, o => o.CustomerId == customer);
        Assert.Contains((await _orders.QueryByStatusAsync(fixture.ScopeB, OrderStatus.Cancelled, null, PageRequest.First(1000))).Items, o => o.CustomerId == customer);
        Assert.Null(await _memos.GetAsync(fixture.ScopeA, memo.Id));
        Assert.Empty(await _memos.BatchGetAsync(fixture.ScopeA, [memo.Id]));
        Assert.DoesNotContain((await _memos.QueryAllAsync(fixture.ScopeA, null, PageRequest.First(1000))).Items, m => m.Id == memo.Id);
    }

    [Fact]
    public async Task A_cannot_overwrite_update_or_delete_B_items()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        var original = await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, "b-keep") with { Total = 7m });

        await _orders.UpsertAsync(fixture.ScopeA, original with { Total = 666m });
        await Assert.ThrowsAsync<ItemAlreadyExistsException>(() => _orders.CreateAsync(fixture.ScopeA, original));
        await _orders.DeleteAsync(fixture.ScopeA, customer, "b-keep");
        await Assert.ThrowsAsync<ItemNotFoundException>(() => _orders.UpdateAsync(fixture.ScopeA, original with { Total = 13m }));
        Assert.False(await _orders.DeleteAsync(fixture.ScopeA, customer, "b-keep"));

        var b = await _orders.GetAsync(fixture.ScopeB, customer, "b-keep");
        Assert.Equal(7m, b!.Total);
        var raw = await fixture.RawGetAsync($"TENANT#tenant-b#CUSTOMER#{customer}", "ORDER#b-keep");
        Assert.Equal("7", raw!["Total"].N);
    }

    public static TheoryData<string> ForgedSegments => new()
    {
        "TENANT#tenant-b",
        "x#ORDER#b-keep",
        "c1#",
        "#",
        "a\u0000b",
        "line\nbreak",
        "tab\there",
        "\u0085next-line",
        "",
        new string('x', 257),
    };

    [Fact]
    public async Task An_unpaired_surrogate_is_rejected()
    {
        // Not theory data: xunit would serialise the lone surrogate into U+FFFD.
        var forged = "bad" + (char)0xD800 + "surrogate";

        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.GetAsync(fixture.ScopeA, forged, "o-1"));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.CreateAsync(fixture.ScopeA, RepositoryRoundTripTests.NewOrder("c1", forged)));
    }

    [Theory]
    [MemberData(nameof(ForgedSegments))]
    public async Task Forged_key_segments_are_rejected_before_any_request(string forged)
    {
        var order = RepositoryRoundTripTests.NewOrder(forged, "o-1");

        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.GetAsync(fixture.ScopeA, forged, "o-1"));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.GetAsync(fixture.ScopeA, "c1", forged));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.CreateAsync(fixture.ScopeA, order));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.UpsertAsync(fixture.ScopeA, RepositoryRoundTripTests.NewOrder("c1", forged)));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.DeleteAsync(fixture.ScopeA, forged, "o-1"));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.QueryByCustomerAsync(fixture.ScopeA, forged, null, PageRequest.First(10)));
        await Assert.ThrowsAsync<InvalidKeySegmentException>(() => _orders.QueryByCustomerAsync(fixture.ScopeA, "c1", SortKeyCondition.BeginsWith(forged), PageRequest.First(10)));
    }

    [Fact]
    public async Task A_forged_partition_value_cannot_reach_B_partition()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, "b-item"));

        // The closest an attacker gets without '#': a value that merely contains B's tenant text.
        var result = await _orders.QueryByCustomerAsync(fixture.ScopeA, "TENANT-tenant-b-CUSTOMER-" + customer, null, PageRequest.First(100));

        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task B_continuation_token_is_rejected_in_A_scope()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        for (var i = 0; i < 3; i++)
        {
            await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, $"t{i}"));
            await _orders.CreateAsync(fixture.ScopeA, RepositoryRoundTripTests.NewOrder(customer, $"t{i}"));
        }

        var bPage = await _orders.QueryByCustomerAsync(fixture.ScopeB, customer, null, PageRequest.First(1));
        Assert.NotNull(bPage.ContinuationToken);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            _orders.QueryByCustomerAsync(fixture.ScopeA, customer, null, new PageRequest(1, bPage.ContinuationToken)));
        var bNext = await _orders.QueryByCustomerAsync(fixture.ScopeB, customer, null, new PageRequest(1, bPage.ContinuationToken));
        Assert.Equal("t1", Assert.Single(bNext.Items).Id);
    }

    [Fact]
    public async Task B_index_token_is_rejected_in_A_scope_and_on_another_query()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        for (var i = 0; i < 3; i++)
        {
            await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, $"x{i}") with { Status = OrderStatus.Shipped });
        }

        var bPage = await _orders.QueryByStatusAsync(fixture.ScopeB, OrderStatus.Shipped, null, PageRequest.First(1));
        var token = bPage.ContinuationToken!;

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => _orders.QueryByStatusAsync(fixture.ScopeA, OrderStatus.Shipped, null, new PageRequest(1, token)));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => _orders.QueryByStatusAsync(fixture.ScopeB, OrderStatus.Pending, null, new PageRequest(1, token)));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => _orders.QueryByCustomerAsync(fixture.ScopeB, customer, null, new PageRequest(1, token)));
    }

    [Fact]
    public async Task Tampered_or_foreign_query_tokens_are_rejected()
    {
        var customer = RepositoryRoundTripTests.Unique("c");
        for (var i = 0; i < 3; i++)
        {
            await _orders.CreateAsync(fixture.ScopeA, RepositoryRoundTripTests.NewOrder(customer, $"z{i}"));
        }

        var token = (await _orders.QueryByCustomerAsync(fixture.ScopeA, customer, null, PageRequest.First(1))).ContinuationToken!;
        var flipped = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        string[] bad = [flipped, token[..^4], token + "AA", "not a token!", "AQ", new string('A', 5000), "Ag" + token[2..]];

        foreach (var candidate in bad)
        {
            await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
                _orders.QueryByCustomerAsync(fixture.ScopeA, customer, null, new PageRequest(1, candidate)));
        }

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            _orders.QueryByCustomerAsync(fixture.ScopeA, RepositoryRoundTripTests.Unique("other"), null, new PageRequest(1, token)));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            _memos.QueryAllAsync(fixture.ScopeA, null, new PageRequest(1, token)));
    }

    [Fact]
    public async Task Items_of_another_tenant_planted_in_A_partition_are_refused_not_returned()
    {
        // Simulates a corrupted or hostile write: an item in A's key space claiming to be B's order.
        var customer = RepositoryRoundTripTests.Unique("c");
        var created = await _orders.CreateAsync(fixture.ScopeB, RepositoryRoundTripTests.NewOrder(customer, "planted"));
        Assert.NotNull(created);
        var raw = await fixture.RawGetAsync($"TENANT#tenant-b#CUSTOMER#{customer}", "ORDER#planted");
        raw!["GSI1PK"] = new AttributeValue { S = "TENANT#tenant-a#STATUS#Pending" };
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = DynamoDbLocalFixture.TableName, Item = raw });
        try
        {
            await Assert.ThrowsAsync<TenantAccessDeniedException>(() => _orders.QueryByStatusAsync(fixture.ScopeA, OrderStatus.Pending, SortKeyCondition.BeginsWith("2026-01-02T03:04:05"), PageRequest.First(1000)));
        }
        finally
        {
            raw["GSI1PK"] = new AttributeValue { S = "TENANT#tenant-b#STATUS#Pending" };
            await fixture.Client.PutItemAsync(new PutItemRequest { TableName = DynamoDbLocalFixture.TableName, Item = raw });
        }
    }
}
