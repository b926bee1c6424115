namespace Tenancy.Analyzers.Tests.Consumers;

/// <summary>The files of the consumer projects: one clean application, one violation per TNT rule.</summary>
internal static class ConsumerSources
{
    public const string CleanOrders = """
        using Tenancy.Isolation;
        using Tenancy.Isolation.Repositories;

        namespace Consumer;

        [TenantEntity("ORDER#{Id}")]
        [TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", SortKey = "{Id}")]
        public sealed class Order
        {
            public string Id { get; set; } = "";
            public string Status { get; set; } = "";
            public decimal Total { get; set; }
            [ConcurrencyVersion] public long Version { get; set; }
        }

        [TenantRepository(typeof(Order))]
        public partial interface IOrderRepository
        {
            Task<Order?> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken = default);
            Task<Order> CreateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);
            Task<Order> UpdateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);
            Task<bool> DeleteAsync(TenantScope scope, string id, CancellationToken cancellationToken = default);
            Task<Page<Order>> QueryAsync(TenantScope scope, PageRequest page, CancellationToken cancellationToken = default);
            [QueryIndex("GSI1")]
            Task<Page<Order>> QueryByStatusAsync(TenantScope scope, string status, PageRequest page, CancellationToken cancellationToken = default);
        }

        // OrderRepository is the generator's output: the build proves it ran and that its raw-client use is exempt.
        public static class Composition
        {
            public static IOrderRepository Orders() => new OrderRepository();
        }

        public sealed class OrderService(IOrderRepository orders)
        {
            public Task<Order?> FindAsync(TenantScope scope, string id) => orders.GetAsync(scope, id);

            public string Describe(TenantScope scope) => $"{scope.TenantId} on {scope.Placement.TableName}";
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> Violations = new Dictionary<string, string>
    {
        ["Entities.cs"] = """
            using Tenancy.Isolation.Repositories;

            namespace Consumer;

            [TenantEntity("ITEM#{Id}")]
            public sealed class Item
            {
                public string Id { get; set; } = "";
            }
            """,
        ["Tnt001.cs"] = """
            using System.Threading.Tasks;
            using Tenancy.Isolation.Repositories;

            namespace Consumer;

            [TenantRepository(typeof(Item))]
            public partial interface IItemRepository
            {
                Task<Item?> GetAsync(string id);
            }
            """,
        ["Tnt002.cs"] = """
            using System.Threading.Tasks;
            using Tenancy.Isolation;
            using Tenancy.Isolation.Repositories;

            namespace Consumer;

            [TenantRepository(typeof(Item))]
            public interface IOtherItemRepository
            {
                Task<Item?> GetAsync(TenantScope scope, string id);
            }
            """,
        ["Tnt003.cs"] = """
            namespace Consumer;

            public static class RawClient
            {
                public static object Create() => new Amazon.DynamoDBv2.AmazonDynamoDBClient();
            }
            """,
        ["Tnt004.cs"] = """
            namespace Consumer;

            public static class Export
            {
                public static object Everything() => new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "AppData", TotalSegments = 8 };
            }
            """,
        ["Tnt005.cs"] = """
            using Tenancy.Isolation.Repositories;

            namespace Consumer;

            [TenantEntity("TICKET#{Id}")]
            [TenantIndex("ByStatus", PartitionKey = "{Status}", PartitionKeyAttributeName = "Status")]
            public sealed class Ticket
            {
                public string Id { get; set; } = "";
                public string Status { get; set; } = "";
            }
            """,
        ["Tnt006.cs"] = """
            using Tenancy.Isolation.Repositories;

            namespace Consumer;

            [TenantEntity("TENANT#{Id}")]
            public sealed class Forged
            {
                public string Id { get; set; } = "";
            }
            """,
        ["Tnt007.cs"] = """
            #pragma warning disable TNT003
            namespace Consumer;

            public static class Quiet
            {
                public static object Create() => new Amazon.S3.AmazonS3Client();
            }
            """,
        // Severity overrides the compiler must ignore for NotConfigurable TNT diagnostics (and TNT007 reports).
        [".editorconfig"] = """
            root = true

            [*.cs]
            dotnet_diagnostic.TNT003.severity = none
            """,
    };

    /// <summary>Every scenario's files, each under its scenario folder.</summary>
    public static IReadOnlyDictionary<string, string> AllScenarios =>
        Violations.Select(f => KeyValuePair.Create("Violations/" + f.Key, f.Value))
            .Append(KeyValuePair.Create("Clean/Orders.cs", CleanOrders))
            .Append(KeyValuePair.Create("Suppressed/Hidden.cs", GloballySuppressed))
            .ToDictionary();

    /// <summary>Global suppressions for TNT003 and TNT007: the compiler honours them, the build's error-log check does not.</summary>
    public const string GloballySuppressed = """
        [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Tenancy.Isolation", "TNT003")]
        [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Tenancy.Isolation", "TNT007")]

        namespace Consumer;

        public static class Hidden
        {
            public static object Create() => new Amazon.KeyManagementService.AmazonKeyManagementServiceClient();
        }
        """;
}
