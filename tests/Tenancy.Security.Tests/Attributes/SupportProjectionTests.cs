using Amazon.Runtime;
using Tenancy.Api.Orders;
using Tenancy.Isolation;
using Tenancy.Isolation.Credentials;
using Tenancy.Isolation.Registry;
using Tenancy.Isolation.Repositories;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Attributes;

/// <summary>
/// A support session built like the API builds tenant sessions (registry, STS AssumeRole with the TenantID tag), but
/// on the support role, against the local cloud: the generated <see cref="OrderSupportViewRepository"/> reads the
/// tenant's orders, the generated full-item <see cref="OrderRepository"/> is denied by IAM, and the role's attribute
/// list in template.yaml is exactly what the projection requests.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SupportProjectionTests : IAsyncLifetime
{
    private static readonly TenantRequestor Agent = new("support-agent-1");
    private readonly SecurityFixture _fixture;
    private readonly List<IDisposable> _owned = [];
    private TenantScope _support = null!;

    public SupportProjectionTests(SecurityFixture fixture) => _fixture = fixture;

    private SecurityTenant Tenant => _fixture.Attacker;

    public async Task InitializeAsync()
    {
        var cloud = _fixture.Cloud;
        var registryClient = Own(cloud.CreateDynamoDbClient(cloud.ApiCredentials.ToAwsCredentials()));
        var registry = new DynamoDbTenantRegistry(registryClient, new TenantRegistryOptions { TableName = cloud.TenantRegistryTableName });
        var endpoint = cloud.Endpoint.ToString();
        var provider = Own(new StsTenantClientProvider(
            new TenantCredentialOptions
            {
                RoleArn = _fixture.SupportRoleArn,
                Region = cloud.Region,
                DynamoDbServiceUrl = endpoint,
                KmsServiceUrl = endpoint,
                S3ServiceUrl = endpoint,
            },
            registry,
            Own(cloud.CreateStsClient(cloud.ApiCredentials.ToAwsCredentials()))));
        _support = await new TenantScopeFactory(registry, provider).CreateAsync(TenantId.Parse(Tenant.Id), Agent);
    }

    public Task DisposeAsync()
    {
        _owned.ForEach(d => d.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_generated_projection_repository_reads_the_tenants_orders_without_sensitive_data()
    {
        var repository = new OrderSupportViewRepository();
        var orderId = _fixture.VictimOrderIds[Tenant.Id][0];

        var view = await repository.GetAsync(_support, orderId);
        Assert.NotNull(view);
        Assert.Equal(orderId, view.Id);
        Assert.Equal(OrderStatus.Pending, view.Status);
        Assert.True(view.Version >= 1);
        Assert.Null(await repository.GetAsync(_support, "0123456789abcdef0123456789abcdef"));

        var first = await repository.QueryAsync(_support, null, new PageRequest(2));
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        var rest = await repository.QueryAsync(_support, null, new PageRequest(10, first.ContinuationToken));
        var ids = first.Items.Concat(rest.Items).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(_fixture.VictimOrderIds[Tenant.Id].Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task A_full_item_read_on_the_support_session_is_denied()
    {
        var orders = new OrderRepository();
        var orderId = _fixture.VictimOrderIds[Tenant.Id][0];

        var get = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => orders.GetAsync(_support, orderId, CancellationToken.None));
        Assert.Equal("AccessDeniedException", get.ErrorCode);
    }

    [Fact]
    public void The_support_roles_attribute_list_in_template_yaml_is_the_projections_attribute_names()
    {
        var role = _fixture.Cloud.Template.Role(SecurityFixture.SupportRoleLogicalId);
        var lists = role.IdentityPolicies
            .SelectMany(p => p.Statements)
            .SelectMany(s => s.Conditions)
            // The allow-list itself: ForAllValues:StringEquals (the Null check beside it only requires the key).
            .Where(c => c.Key.Equals("dynamodb:Attributes", StringComparison.OrdinalIgnoreCase)
                && c.Operator is { Set: SetQualifier.ForAllValues, Comparison: ConditionComparison.StringEquals, Negated: false })
            .Select(c => c.Values)
            .ToList();

        var attributes = Assert.Single(lists);
        Assert.Equal(OrderSupportView.StoredAttributeNames.Count, OrderSupportView.StoredAttributeNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(OrderSupportView.StoredAttributeNames.Order(StringComparer.Ordinal), attributes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("CustomerName", attributes);
        Assert.DoesNotContain("CustomerEmail", attributes);
        Assert.DoesNotContain("Lines", attributes);
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
