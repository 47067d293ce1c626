namespace Mosaic.Connectors.MySql.Data;

/// <summary>A read-only view of one database server or file. Every call runs in a read-only session.</summary>
public interface IDatabase
{
    /// <summary>"MySQL"/"MariaDB"/"SQLite": for messages.</summary>
    string Service { get; }

    Safety.SqlDialect Dialect { get; }

    /// <summary>The database used when a tool gets none.</summary>
    string? DefaultDatabase { get; }

    /// <summary>
    /// Runs one statement read-only and returns rows [skip, skip+take) plus whether more follow.
    /// <paramref name="sql"/> must already have passed the guard, or be one of the connector's own queries.
    /// </summary>
    Task<QueryPage> QueryAsync(
        string sql,
        string? database,
        IReadOnlyDictionary<string, object?> parameters,
        int skip,
        int take,
        CancellationToken cancellationToken
    );
}
