namespace Mosaic.Connectors.MySql.Safety;

public enum SqlTokenKind
{
    /// <summary>An unquoted word: keyword, identifier or function name.</summary>
    Word,

    /// <summary>`backtick`, [bracket] or (SQLite) "double-quoted" identifier.</summary>
    QuotedIdentifier,

    /// <summary>'single' or (MySQL) "double" quoted string literal.</summary>
    String,
    Number,

    /// <summary>@user_variable or @@system_variable.</summary>
    Variable,

    /// <summary>? placeholder.</summary>
    Placeholder,

    /// <summary>Operators and punctuation: ( ) , . ; := = etc.</summary>
    Symbol,
}

/// <summary>
/// One token. <see cref="Upper"/> is the upper-cased text of an unquoted word (for keyword checks: a quoted
/// word is never a keyword). <see cref="Name"/> is the folded, unquoted name of a word or quoted identifier
/// (for name checks: `sleep` and sleep call the same function).
/// </summary>
public sealed record SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public string Upper { get; } = Kind == SqlTokenKind.Word ? Text.ToUpperInvariant() : Text;

    public string Name { get; } =
        Kind switch
        {
            SqlTokenKind.Word => SqlNames.Fold(Text),
            SqlTokenKind.QuotedIdentifier => SqlNames.Fold(SqlNames.Unquote(Text)),
            _ => "",
        };

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public bool IsWord(string upper) => Kind == SqlTokenKind.Word && Upper == upper;

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;
}
