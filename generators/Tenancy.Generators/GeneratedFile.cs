namespace Tenancy.Generators;

internal sealed record GeneratedFile(string HintName, string Text);
