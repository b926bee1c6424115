namespace Tenancy.Testing.Samples;

public sealed class TreeNode
{
    public string Label { get; set; } = string.Empty;

    public List<TreeNode> Children { get; set; } = [];
}
