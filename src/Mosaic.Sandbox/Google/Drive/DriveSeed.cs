using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.Google.Drive;

public sealed record DriveFile(string Id, string Name, string MimeType, AcmePerson Owner, DateTimeOffset Modified, string Parent)
{
    public string? Description { get; init; }
    public bool Starred { get; init; }
    public bool Trashed { get; init; }
    public long? Size { get; init; }
    public bool SharedWithMe => Owner != AcmeCompany.Alice;
}

/// <summary>Alice's Drive: the Launch and Engineering folders, the launch plan, the sales forecast, the incident write-up.</summary>
public static class DriveSeed
{
    public const string Folder = "application/vnd.google-apps.folder";
    public const string Document = "application/vnd.google-apps.document";
    public const string Spreadsheet = "application/vnd.google-apps.spreadsheet";

    public const string RootId = "0AAcmeRootFolderAlice00000";
    public const string LaunchFolderId = "1LaunchFolder_AcmeBrewPro_00000000";
    public const string EngineeringFolderId = "1EngineeringFolder_Acme_0000000000";
    public const string LaunchPlanId = "1BrewProLaunchPlan_doc_9fK2mQ7xW4tZ0aLp3";
    public const string PostmortemId = "1CheckoutIncidentACME142_doc_7hY5nR2vB8s";
    public const string SupportMacrosId = "1SupportMacros_doc_4jX8cT1kP6wQ9eM2rV5zN";
    public const string OnboardingId = "1EngOnboarding_doc_2bN7vL4xQ9mK1tR8sW3pJ";
    public const string ForecastId = "1Q4SalesForecast_sheet_6tR3wE8yU1iO4pA7sD";
    public const string InventoryPlanId = "1InventoryPlanning_sheet_3kL9jH2gF5dS8aQ1w";

    /// <summary>Shared by link but not with Alice: the Docs API answers 403 for it.</summary>
    public const string RestrictedDocId = "1BoardDeckRestricted_doc_0zX9cV8bN7mQ6wE5r";

    public static IReadOnlyList<DriveFile> Files { get; } = Build();

    private static IReadOnlyList<DriveFile> Build()
    {
        var now = AcmeCompany.Now;
        var (alice, bob, dave, erin) = (AcmeCompany.Alice, AcmeCompany.Bob, AcmeCompany.Dave, AcmeCompany.Erin);
        return
        [
            new(LaunchFolderId, "Launch", Folder, erin, now.AddHours(-26), RootId),
            new(EngineeringFolderId, "Engineering", Folder, alice, now.AddHours(-50), RootId),
            new(LaunchPlanId, AcmeCompany.Launch.PlanDocument, Document, erin, now.AddHours(-20), LaunchFolderId)
            {
                Starred = true,
                Description = "Timeline, pricing, stock and risks for the Acme Brew Pro launch.",
            },
            new(ForecastId, AcmeCompany.Launch.Spreadsheet, Spreadsheet, erin, now.AddDays(-5), LaunchFolderId),
            new(InventoryPlanId, "Inventory planning", Spreadsheet, dave, now.AddHours(-74), LaunchFolderId),
            new("1BrewProHeroShot_png_8uI7yT6rE5wQ4aS3dF2g", "acme-brew-pro-hero.png", "image/png", erin, now.AddDays(-9), LaunchFolderId)
            {
                Size = 2_483_211,
            },
            new(
                "1BrandGuidelines_pdf_5tG4fR3eD2wS1aQ9zX8c",
                "Acme Brew brand guidelines.pdf",
                "application/pdf",
                erin,
                now.AddDays(-60),
                LaunchFolderId
            )
            {
                Size = 8_112_004,
            },
            new(
                PostmortemId,
                $"Checkout incident {AcmeCompany.CheckoutBug.JiraKey} - postmortem (draft)",
                Document,
                alice,
                now.AddHours(-6),
                EngineeringFolderId
            )
            {
                Description = "Double charges with discount codes.",
            },
            new(OnboardingId, "Engineering onboarding checklist", Document, alice, now.AddDays(-30), EngineeringFolderId),
            new(SupportMacrosId, "Support macros", Document, dave, now.AddDays(-12), RootId),
            new(
                "1OldLaunchPlan_doc_trashed_1qW2eR3tY4uI5oP",
                "Acme Brew Pro launch plan (old draft)",
                Document,
                erin,
                now.AddDays(-25),
                LaunchFolderId
            )
            {
                Trashed = true,
            },
            new("1TeamPhoto_jpg_6yH5gT4fR3eD2wS1aQ0zX9cV", "team-offsite.jpg", "image/jpeg", bob, now.AddDays(-45), RootId)
            {
                Size = 3_140_887,
            },
        ];
    }
}
