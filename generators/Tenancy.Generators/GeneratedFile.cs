using Tenancy.Declarations.Model;

namespace Tenancy.Generators;

internal sealed record GeneratedFile(string HintName, string Text);
