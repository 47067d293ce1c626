using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Google.Drive;

namespace Mosaic.Sandbox.Google.Sheets;

public sealed record SheetTab(int SheetId, string Title, string[][] Rows, int RowCount = 1000, int ColumnCount = 26);

/// <summary>Spreadsheets as formatted cell values (what FORMATTED_VALUE returns): the Q4 forecast and inventory planning.</summary>
public static class SheetsSeed
{
    public static IReadOnlyDictionary<string, SheetTab[]> Spreadsheets { get; } =
        new Dictionary<string, SheetTab[]>
        {
            [DriveSeed.ForecastId] =
            [
                new(
                    0,
                    "Forecast",
                    [
                        ["Month", "Product", "Units", "Revenue"],
                        ["October", "Acme Brew Classic Grinder", "310", "$46,190.00"],
                        ["October", "Gooseneck Electric Kettle", "240", "$21,360.00"],
                        ["November", "Acme Brew Classic Grinder", "280", "$41,720.00"],
                        ["November", "Gooseneck Electric Kettle", "265", "$23,585.00"],
                        ["November", AcmeCompany.Launch.ProductName + " Grinder", "180", "$45,540.00"],
                        ["December", "Acme Brew Classic Grinder", "350", "$52,150.00"],
                        ["December", "Gooseneck Electric Kettle", "330", "$29,370.00"],
                        ["December", AcmeCompany.Launch.ProductName + " Grinder", "420", "$107,380.00"],
                        ["", "", "Total", "$367,295.00"],
                    ]
                ),
                new(
                    1,
                    "Launch - Acme Brew Pro",
                    [
                        ["Metric", "Target", "Actual", "Notes"],
                        ["Pre-orders", "150", "96", "BREW10 paused after double charges (ACME-142)"],
                        ["Units, first 30 days", "600", "", ""],
                        ["Store stock (Seattle)", "40", "3", "Brushed Steel sold out"],
                        ["Average order value", "$230.00", "$224.10", ""],
                    ],
                    200,
                    10
                ),
                new(
                    2,
                    "Assumptions",
                    [
                        ["Assumption", "Value"],
                        ["Conversion rate", "2.4%"],
                        ["Return rate", "3%"],
                        ["Promo discount (BREW10)", "10%"],
                    ],
                    100,
                    5
                ),
            ],
            [DriveSeed.InventoryPlanId] =
            [
                new(
                    0,
                    "Stock",
                    [
                        ["SKU", "Product", "Warehouse", "Store", "Reorder at", "On order"],
                        ["ABP-BLK", "Acme Brew Pro - Matte Black", "42", "3", "50", "120"],
                        ["ABP-STL", "Acme Brew Pro - Brushed Steel", "7", "0", "30", "60"],
                        ["KTL-GN-WHT", "Gooseneck Electric Kettle - White", "3", "1", "20", "0"],
                        ["BEAN-COL-DCF-250", "Colombia Decaf 250g", "8", "1", "40", "0"],
                        ["SCL-01", "Precision Coffee Scale", "0", "2", "15", "50"],
                    ]
                ),
            ],
        };
}
