namespace Mosaic.Connectors.Common.Results;

/// <summary>
/// How much one tool result may carry. Models pay for every byte a tool returns and large results
/// crowd out the conversation, so lists are cut at whichever limit comes first and say so.
/// </summary>
public sealed record ResultBudget(int MaxItems = 500, int MaxBytes = 20_000)
{
    public static ResultBudget Default { get; } = new();
}
