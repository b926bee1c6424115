namespace Tenancy.Isolation.Repositories;

public enum SortKeyOperator
{
    BeginsWith,
    Between,
    GreaterThanOrEqual,
    LessThanOrEqual,
}
