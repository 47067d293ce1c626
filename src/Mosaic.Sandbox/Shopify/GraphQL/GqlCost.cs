namespace Mosaic.Sandbox.Shopify.GraphQL;

/// <summary>
/// The requested cost of a query, computed before running it the way Shopify documents it: scalars are
/// free, an object costs 1, a connection costs 2 plus <c>first</c> (or <c>last</c>) times the cost of one
/// node. A field taking <c>first</c>/<c>last</c> is treated as a connection, so no schema is needed.
/// </summary>
public static class GqlCost
{
    public static int Requested(IReadOnlyList<GqlField> selection) => selection.Sum(FieldCost);

    private static int FieldCost(GqlField field)
    {
        if (field.Selection is null)
            return 0;
        var size = GqlProjector.IntArg(field, "first") ?? GqlProjector.IntArg(field, "last");
        if (size is null)
            return 1 + Requested(field.Selection);
        return 2 + size.Value * (1 + NodeCost(field.Selection));
    }

    /// <summary>Cost of one node's own selection, whether asked through <c>edges { node }</c> or <c>nodes</c>.</summary>
    private static int NodeCost(IReadOnlyList<GqlField> connectionSelection)
    {
        var cost = 0;
        foreach (var sub in connectionSelection)
        {
            if (sub.Name == "nodes" && sub.Selection is not null)
                cost = Math.Max(cost, Requested(sub.Selection));
            if (sub.Name == "edges" && sub.Selection is not null)
                foreach (var node in sub.Selection.Where(s => s.Name == "node" && s.Selection is not null))
                    cost = Math.Max(cost, Requested(node.Selection!));
        }
        return cost;
    }
}
