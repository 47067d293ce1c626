using System.Text.RegularExpressions;

namespace Mosaic.Sandbox.Google.Sheets;

/// <summary>
/// A1 notation as Sheets reads it: <c>Sheet!A1:D5</c>, <c>'Name with spaces'!A:B</c>, <c>Sheet!2:4</c>, a bare sheet
/// name (the whole grid) or a bare range (the first sheet). Bounds are 1-based and inclusive.
/// </summary>
public sealed partial record A1Range(SheetTab Sheet, int Row1, int Col1, int Row2, int Col2)
{
    public static bool TryParse(string text, SheetTab[] tabs, out A1Range range)
    {
        range = null!;
        string sheetName,
            cells;
        var bang = text.LastIndexOf('!');
        if (bang >= 0)
        {
            sheetName = text[..bang];
            cells = text[(bang + 1)..];
        }
        else if (tabs.Any(t => t.Title == text.Trim('\'')))
        {
            sheetName = text;
            cells = "";
        }
        else
        {
            sheetName = tabs[0].Title;
            cells = text;
        }
        if (sheetName.StartsWith('\'') && sheetName.EndsWith('\'') && sheetName.Length >= 2)
            sheetName = sheetName[1..^1].Replace("''", "'");
        var sheet = tabs.FirstOrDefault(t => t.Title == sheetName);
        if (sheet is null)
            return false;
        if (cells == "")
        {
            range = new A1Range(sheet, 1, 1, sheet.RowCount, sheet.ColumnCount);
            return true;
        }

        var m = Cells().Match(cells.ToUpperInvariant());
        if (!m.Success)
            return false;
        if (!cells.Contains(':'))
        {
            if (m.Groups["c1"].Value == "" || m.Groups["r1"].Value == "")
                return false;
            var (row, column) = (Row(m.Groups["r1"].Value)!.Value, Column(m.Groups["c1"].Value)!.Value);
            range = new A1Range(sheet, row, column, row, column);
            return true;
        }
        var c1 = Column(m.Groups["c1"].Value) ?? 1;
        var r1 = Row(m.Groups["r1"].Value) ?? 1;
        var c2 = Column(m.Groups["c2"].Value) ?? sheet.ColumnCount;
        var r2 = Row(m.Groups["r2"].Value) ?? sheet.RowCount;
        if (c2 < c1 || r2 < r1 || r1 < 1)
            return false;
        range = new A1Range(sheet, r1, c1, Math.Min(r2, sheet.RowCount), Math.Min(c2, sheet.ColumnCount));
        return true;
    }

    /// <summary>The cells in the range, with trailing empty cells and rows dropped, as Sheets returns them.</summary>
    public List<string[]> Read()
    {
        var rows = new List<string[]>();
        for (var r = Row1; r <= Math.Min(Row2, Sheet.Rows.Length); r++)
        {
            var source = Sheet.Rows[r - 1];
            var row = Enumerable.Range(Col1, Math.Max(0, Math.Min(Col2, source.Length) - Col1 + 1)).Select(c => source[c - 1]).ToList();
            while (row.Count > 0 && row[^1] == "")
                row.RemoveAt(row.Count - 1);
            rows.Add([.. row]);
        }
        while (rows.Count > 0 && rows[^1].Length == 0)
            rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    public override string ToString()
    {
        var name = PlainName().IsMatch(Sheet.Title) ? Sheet.Title : $"'{Sheet.Title.Replace("'", "''")}'";
        return $"{name}!{ColumnName(Col1)}{Row1}:{ColumnName(Col2)}{Row2}";
    }

    private static int? Column(string letters) => letters == "" ? null : letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);

    private static int? Row(string digits) => digits == "" ? null : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
            name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    [GeneratedRegex(@"^(?<c1>[A-Z]*)(?<r1>\d*)(?::(?<c2>[A-Z]*)(?<r2>\d*))?$")]
    private static partial Regex Cells();

    [GeneratedRegex(@"^[A-Za-z0-9_]+$")]
    private static partial Regex PlainName();
}
