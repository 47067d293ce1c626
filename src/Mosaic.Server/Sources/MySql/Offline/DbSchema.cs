namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>What kind of value a column holds, read from its declared type (MySQL's or SQLite's spelling).</summary>
public enum ColumnKind
{
    Number,
    Text,
    Date,
    Other,
}

/// <summary>A column as <c>describe_table</c> reports it.</summary>
public sealed record DbColumn(string Name, string Type, bool PrimaryKey = false)
{
    public ColumnKind Kind { get; } = KindOf(Type);

    /// <summary>The column's name as words ("financial_status" → "financial status").</summary>
    public string Words => DbNames.Words(Name);

    /// <summary>A decimal amount (DECIMAL(10,2), a money-named number): shown with two decimals.</summary>
    public bool IsMoney =>
        Kind == ColumnKind.Number
        && (
            Type.StartsWith("decimal", StringComparison.OrdinalIgnoreCase)
            || Type.StartsWith("numeric", StringComparison.OrdinalIgnoreCase)
            || DbNames.MoneyNames.Contains(Name.ToLowerInvariant())
        );

    /// <summary>
    /// A short text column whose values name something (a status, a city, a code): worth matching question words
    /// against. Long text (bodies, descriptions) and unbounded TEXT are not.
    /// </summary>
    public bool IsShortText => Kind == ColumnKind.Text && !PrimaryKey && (Length is null or <= 80) && !IsLongTextType;

    private bool IsLongTextType =>
        Type.Contains("text", StringComparison.OrdinalIgnoreCase) && !Type.StartsWith("tinytext", StringComparison.OrdinalIgnoreCase)
        || Type.Contains("blob", StringComparison.OrdinalIgnoreCase)
        || Type.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>VARCHAR(60) → 60; null when the type gives no length (SQLite's TEXT, or a bare VARCHAR).</summary>
    private int? Length =>
        Type.IndexOf('(') is var open and > 0 && int.TryParse(Type.AsSpan(open + 1).TrimEnd(')').ToString(), out var n) ? n : null;

    private static ColumnKind KindOf(string type)
    {
        var t = type.ToLowerInvariant();
        if (t.Contains("date") || t.Contains("time") || t.StartsWith("year", StringComparison.Ordinal))
            return ColumnKind.Date;
        if (t.Contains("char") || t.Contains("text") || t.StartsWith("enum", StringComparison.Ordinal) || t == "clob")
            return ColumnKind.Text;
        string[] numbers = ["int", "dec", "num", "real", "double", "float", "bit"];
        return numbers.Any(t.Contains) ? ColumnKind.Number : ColumnKind.Other;
    }
}

/// <summary>A table (or view) with its columns, as the connector described it.</summary>
public sealed record DbTable(string Name, IReadOnlyList<DbColumn> Columns)
{
    public DbColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public DbColumn? PrimaryKey => Columns.FirstOrDefault(c => c.PrimaryKey) ?? Column("id");

    /// <summary>"support_tickets" → "support ticket": how a lead names one row.</summary>
    public string Singular => DbNames.Singular(DbNames.Words(Name));

    /// <summary>"support_tickets" → "support tickets".</summary>
    public string Plural => DbNames.Words(Name);

    /// <summary>The date column that says when a row came to be: created_at first, then other dates, in column order.</summary>
    public DbColumn? DateColumn =>
        Columns.FirstOrDefault(c => c.Kind == ColumnKind.Date && DbNames.CreatedNames.Contains(c.Name.ToLowerInvariant()))
        ?? Columns.FirstOrDefault(c => c.Kind == ColumnKind.Date);

    /// <summary>The money column a "revenue" or "value" question sums: total before amount before price, else any money column.</summary>
    public DbColumn? MoneyColumn =>
        DbNames.MoneyNames.Select(Column).FirstOrDefault(c => c?.Kind == ColumnKind.Number) ?? Columns.FirstOrDefault(c => c.IsMoney);

    /// <summary>The identifier people quote for a row: a ticket key (SUP-2040), an order number (1042).</summary>
    public DbColumn? KeyColumn =>
        Columns.FirstOrDefault(c =>
            c.Kind is ColumnKind.Text or ColumnKind.Number
            && !c.PrimaryKey
            && (
                c.Name.EndsWith("_key", StringComparison.OrdinalIgnoreCase)
                || c.Name.EndsWith("_number", StringComparison.OrdinalIgnoreCase)
            )
        );

    /// <summary>The columns that name a row to a person: first and last name, a name, a title, a subject, an email.</summary>
    public IReadOnlyList<DbColumn> NameColumns =>
        Column("first_name") is { } first && Column("last_name") is { } last ? [first, last]
        : DbNames.LabelNames.Select(Column).FirstOrDefault(c => c is not null) is { } named ? [named]
        : [];

    /// <summary>What says which row it is: the key and the name; else the primary key (or the first column).</summary>
    public IReadOnlyList<DbColumn> LabelColumns =>
        KeyColumn is null && NameColumns.Count == 0
            ? [PrimaryKey ?? Columns[0]]
            : [.. KeyColumn is { } k ? [k] : Array.Empty<DbColumn>(), .. NameColumns];

    /// <summary>The column of this table that points at <paramref name="other"/>: customer_id → customers.</summary>
    public DbColumn? ForeignKeyTo(DbTable other) =>
        other.PrimaryKey is null ? null : Column($"{DbNames.Singular(other.Name.ToLowerInvariant())}_id");
}

/// <summary>The tables a question may be about.</summary>
public sealed record DbSchema(IReadOnlyList<DbTable> Tables)
{
    public DbTable? Table(string name) => Tables.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
