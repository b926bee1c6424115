namespace Tenancy.Generators.Model;

internal sealed record GeneratedFile(string HintName, string Text);
