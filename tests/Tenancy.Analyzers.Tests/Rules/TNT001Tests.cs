using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;
using Tenancy.CodeFixes;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT001Tests
{
    [Fact]
    public Task Valid_repository_has_no_diagnostics() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Samples.Order + Samples.OrderRepository);

    [Fact]
    public Task Method_without_scope_is_reported() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Samples.Order + """
            [TenantRepository(typeof(Order))]
            public partial interface IOrderRepository
            {
                Task<Order?> {|TNT001:GetAsync|}(string customerId, Guid id);
            }
            """);

    [Fact]
    public Task Scope_that_is_not_first_is_reported() =>
        AnalyzerTest<RepositoryDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Samples.Order + """
            [TenantRepository(typeof(Order))]
            public partial interface IOrderRepository
            {
                Task<bool> {|TNT001:DeleteAsync|}(string customerId, TenantScope scope, Guid id);
            }
            """);

    [Fact]
    public Task Code_fix_adds_the_scope_to_every_method() =>
        new CodeFixTest<RepositoryDeclarationAnalyzer, AddTenantScopeParameterCodeFix>(
            Samples.Usings + Samples.Order + """
            [TenantRepository(typeof(Order))]
            public partial interface IOrderRepository
            {
                Task<Order?> {|TNT001:GetAsync|}(string customerId, Guid id);
                Task<bool> {|TNT001:DeleteAsync|}(string customerId, TenantScope scope, Guid id);
                Task<Order> {|TNT001:CreateAsync|}();
            }
            """,
            Samples.Usings + Samples.Order + """
            [TenantRepository(typeof(Order))]
            public partial interface IOrderRepository
            {
                Task<Order?> GetAsync(TenantScope scope, string customerId, Guid id);
                Task<bool> DeleteAsync(TenantScope scope, string customerId, Guid id);
                Task<Order> {|TNT002:CreateAsync|}(TenantScope scope);
            }
            """).RunAsync();
}
