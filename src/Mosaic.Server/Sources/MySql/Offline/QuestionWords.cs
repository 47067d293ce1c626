using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>The words that give a question its shape (a count, a top list, a sum…), matched as whole words.</summary>
public static partial class QuestionWords
{
    [GeneratedRegex(@"\bhow many\b|\bnumber of\b|\bcount(?:s|ing)?\b")]
    public static partial Regex Count();

    /// <summary>"per status", "by country", "for each city", "grouped by priority": the words after it name the column.</summary>
    [GeneratedRegex(@"\b(?:per|by|for each|each|broken down by|grouped by|group by)\s+(?:the\s+)?(?<col>[a-z][a-z0-9_ ]*)")]
    public static partial Regex GroupBy();

    [GeneratedRegex(@"\b(?:average|avg|mean)\b")]
    public static partial Regex Average();

    [GeneratedRegex(@"\b(?:revenue|sales|sum|total|how much|turnover|earned|income)\b")]
    public static partial Regex Sum();

    /// <summary>"latest", "most recent", "last 5" (but not "last 5 days": that is a period).</summary>
    [GeneratedRegex(@"\b(?:latest|newest|most recent|recent|recently|last\s+\d+(?!\s*(?:hours?|days?|weeks?|months?|years?)\b))\b")]
    public static partial Regex Latest();

    [GeneratedRegex(@"\b(?:oldest|earliest|first\s+\d+)\b")]
    public static partial Regex Oldest();

    [GeneratedRegex(@"\b(?:top|most|highest|biggest|largest|best|greatest|max|maximum|priciest|pricey)\b")]
    public static partial Regex Most();

    [GeneratedRegex(@"\b(?:least|lowest|cheapest|smallest|fewest|bottom|min|minimum|worst|low on|running low)\b")]
    public static partial Regex Least();

    /// <summary>"top 5", "5 latest", "latest 10", "first 3": the N asked ("last 3 days" is a period, not an N).</summary>
    [GeneratedRegex(
        @"\b(?:top|latest|last|newest|first|recent|best|bottom|oldest)\s+(?<n>\d{1,3})\b(?!\s*(?:hours?|days?|weeks?|months?|years?)\b)"
            + @"|\b(?<n>\d{1,3})\s+(?:latest|newest|most|biggest|largest|highest|top|recent|oldest|cheapest)\b"
    )]
    public static partial Regex Limit();

    /// <summary>A name of a price column by another word: "cost the most", "most expensive", "cheapest".</summary>
    public static readonly HashSet<string> PriceWords = ["cost", "costs", "expensive", "cheap", "cheapest", "pricey", "priciest", "priced"];

    /// <summary>Money paid by someone, summed from their rows in another table: "spent the most", "lifetime value".</summary>
    [GeneratedRegex(@"\b(?:spent|spend|spends|spending|lifetime value|ltv|revenue|sales|paid the most|paid the least)\b")]
    public static partial Regex Spend();

    /// <summary>Units sold, summed from another table's quantity column: "best-selling products", "sold the most".</summary>
    [GeneratedRegex(@"\b(?:sold|selling|sells|best-selling|bestselling|popular)\b")]
    public static partial Regex Sold();

    /// <summary>A word that is a verb here, not a value: "orders paid with BREW10" means orders using BREW10.</summary>
    [GeneratedRegex(@"^\s+(?:with|using|via|by)\b")]
    public static partial Regex VerbFollows();

    /// <summary>"#1042", "order 1042": a number that names a row.</summary>
    [GeneratedRegex(@"#(?<n>\d{2,12})\b")]
    public static partial Regex RowNumber();

    /// <summary>"in Berlin", "from Lisbon": a place the question names, matched against a place column when no value fits.</summary>
    [GeneratedRegex(@"\b(?:in|from|at)\s+(?<place>[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+)?)")]
    public static partial Regex Place();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_'-]*")]
    public static partial Regex Word();

    /// <summary>Words that never name a value: question words, the shape words above, period words.</summary>
    public static readonly HashSet<string> NotValues =
    [
        .. """
            what whats what's who which when where why how is are was were be been the a an of on in to for from with about and
            or any all our my me we us i you it its do does did have has had there this that these those show list give tell
            find get please can could would many much number count counting per by each group grouped broken down top most least
            highest lowest biggest largest smallest best worst latest newest oldest earliest recent recently first last new
            average avg mean sum total revenue sales spent spend spending value lifetime cost costs expensive cheap cheapest
            sold selling popular rows records table tables data database today yesterday week weeks month months day days hour
            hours year years since past ago this next monday tuesday wednesday thursday friday saturday sunday so far than more
            less over under at as made placed ordered named called whose their them they he she his her have got see look up
            into out not no yes one ones per cent run sql query queries mysql mariadb bring brings generate generated make makes
            want need know like currently right now ever kind kinds type types different distinct unique overall altogether
            exist exists stored entries row record hold best-selling bestselling top-selling highest-value stocked status
            statuses fewer lower higher greater below above least most updated created
            """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
    ];
}
