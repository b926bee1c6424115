namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// What <see cref="RepositorySourceReader"/> found: the repositories it understood and, for every declaration it
/// could not understand, a problem (so an unreadable declaration fails the check instead of being skipped).
/// </summary>
public sealed record DeclaredRepositories(IReadOnlyList<RepositoryDeclaration> Repositories, IReadOnlyList<string> Problems);
