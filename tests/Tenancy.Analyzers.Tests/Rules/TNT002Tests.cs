using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;
using Tenancy.CodeFixes;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT002Tests
{
    private const string Widget = """
        [TenantEntity("WIDGET#{Id}")]
        public sealed class Widget
        {
            public string Id { get; set; } = "";
            public string Name { get; set; } = "";
        }

        """;

    [Fact]
    public Task Valid_entity_has_no_diagnostics() =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Samples.Usings + Samples.Order + Widget);

    [Fact]
    public Task Interface_that_is_not_partial_is_reported() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Widget + """
            [TenantRepository(typeof(Widget))]
            public interface {|TNT002:IWidgetRepository|}
            {
                Task<Widget?> GetAsync(TenantScope scope, string id);
            }
            """);

    [Fact]
    public Task Code_fix_makes_the_interface_partial() =>
        new CodeFixTest<RepositoryDeclarationAnalyzer, MakeRepositoryPartialCodeFix>(
            Samples.Usings + Widget + """
            [TenantRepository(typeof(Widget))]
            public interface {|TNT002:IWidgetRepository|}
            {
                Task<Widget?> GetAsync(TenantScope scope, string id);
            }

            [TenantRepository(typeof(Widget))]
            interface {|TNT002:IOtherWidgetRepository|}
            {
                Task<bool> DeleteAsync(TenantScope scope, string id);
            }
            """,
            Samples.Usings + Widget + """
            [TenantRepository(typeof(Widget))]
            public partial interface IWidgetRepository
            {
                Task<Widget?> GetAsync(TenantScope scope, string id);
            }

            [TenantRepository(typeof(Widget))]
            partial interface IOtherWidgetRepository
            {
                Task<bool> DeleteAsync(TenantScope scope, string id);
            }
            """).RunAsync();

    [Fact]
    public Task Entity_without_TenantEntity_is_reported() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + """
            public sealed class Plain { public string Id { get; set; } = ""; }

            [TenantRepository({|TNT002:typeof(Plain)|})]
            public partial interface IPlainRepository
            {
                Task<Plain?> GetAsync(TenantScope scope, string id);
            }
            """);

    [Fact]
    public Task Unsupported_property_types_are_reported() =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Samples.Usings + """
            [TenantEntity("THING#{Id}")]
            public sealed class Thing
            {
                public string Id { get; set; } = "";
                public object {|TNT002:Anything|} { get; set; } = new();
                public DateTime When { get; set; }
                public System.Collections.ArrayList {|TNT002:Untyped|} { get; set; } = new();
                public Dictionary<int, string> {|TNT002:ByNumber|} { get; set; } = new();
                public HashSet<bool> {|TNT002:Flags|} { get; set; } = new();
                public Node? Root { get; set; }
                public Holder<int>? {|TNT002:Generic|} { get; set; }
            }

            // Recursive types are stored like the generator maps them: one helper per type.
            public sealed class Node { public Node? Next { get; set; } }

            public sealed class Holder<T> { public T? Value { get; set; } }
            """);

    [Theory]
    [InlineData("ORDER#{Id")]
    [InlineData("ORDER#Id}")]
    [InlineData("ORDER#{Missing}")]
    [InlineData("")]
    [InlineData("ORDER##{Id}")]
    [InlineData("ORDER#{Id}#")]
    [InlineData("ORDER#x{Id}")]
    [InlineData("{Id}")]
    [InlineData("ORDER#{Version}")]
    [InlineData("ORDER#{Secret}")]
    [InlineData("ORDER#{Amount}")]
    public Task Bad_key_templates_are_reported(string template) =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Samples.Usings + $$"""
            [TenantEntity({|TNT002:"{{template}}"|})]
            public sealed class Item
            {
                public string Id { get; set; } = "";
                public decimal Amount { get; set; }
                [Encrypted] public string Secret { get; set; } = "";
                [ConcurrencyVersion] public long Version { get; set; }
            }
            """);

    [Fact]
    public Task Bad_attributes_on_properties_are_reported() =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Samples.Usings + """
            [TenantEntity("ITEM#{Id}")]
            public sealed class Item
            {
                public string Id { get; set; } = "";
                [Encrypted] public int {|TNT002:Pin|} { get; set; }
                [ConcurrencyVersion] public int {|TNT002:Version|} { get; set; }
                [StoredName("Name")] public string Alias { get; set; } = "";
                public string {|TNT002:Name|} { get; set; } = "";
                [StoredName("SK")] public string {|TNT002:Shadow|} { get; set; } = "";
            }
            """);

    [Fact]
    public Task Methods_that_break_conventions_are_reported() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Widget + """
            [TenantRepository(typeof(Widget))]
            public partial interface IWidgetRepository
            {
                Task<Widget?> {|TNT002:FindAsync|}(TenantScope scope, string id);
                Task<Widget?> {|TNT002:GetAsync|}(TenantScope scope, string widgetId);
                Task<Widget?> {|TNT002:GetByNumberAsync|}(TenantScope scope, int id);
                Task<Widget> {|TNT002:GetOrThrowAsync|}(TenantScope scope, string id);
                Task<Widget> {|TNT002:UpdateAsync|}(TenantScope scope, string id);
                [QueryIndex("Nope")]
                Task<Page<Widget>> {|TNT002:QueryAsync|}(TenantScope scope, PageRequest page);
                Task<Page<Widget>> {|TNT002:QueryAllAsync|}(TenantScope scope);
                Task<IReadOnlyList<Widget>> BatchGetAsync(TenantScope scope, IEnumerable<string> ids);
                Task<IReadOnlyList<Widget>> {|TNT002:BatchGetNumbersAsync|}(TenantScope scope, IEnumerable<int> ids);
                Task<bool> {|TNT002:DeleteAsync|}(TenantScope scope, string id, CancellationToken cancellationToken, int extra);
            }
            """);
}
