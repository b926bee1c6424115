namespace Tenancy.Generators.Model;

internal enum ParameterRole
{
    Scope,
    Entity,
    KeyValue,
    SortKeyCondition,
    Page,
    Keys,
    CancellationToken,
}
