namespace Mosaic.Server.Commands;

/// <summary>
/// Mosaic's own arguments, taken out before the rest reach ASP.NET Core:
/// <c>--demo</c> (seed the demo account) and one-shot commands such as <c>rotate-encryption-key</c> or
/// <c>backup &lt;file&gt; [--force]</c>.
/// </summary>
/// <param name="CommandArgs">The command's own arguments (backup: the file, and --force).</param>
public sealed record MosaicCommandLine(bool Demo, string? Command, string[] HostArgs, string[] CommandArgs)
{
    public static readonly string[] Commands = ["rotate-encryption-key", "generate-key", BackupCommand.Name];

    public static MosaicCommandLine Parse(string[] args)
    {
        var demo = args.Contains("--demo");
        var at = Array.FindIndex(args, a => Commands.Contains(a));
        var command = at < 0 ? null : args[at];
        string[] own = [];
        if (command == BackupCommand.Name)
        {
            // backup <file> [--force]: the file is the word after the command.
            var file = at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
            own = [.. file is null ? [] : new[] { file }, .. args.Where(a => a == BackupCommand.Force)];
        }
        var rest = args.Where((a, i) => a != "--demo" && i != at && !own.Contains(a)).ToArray();
        return new MosaicCommandLine(demo, command, rest, own);
    }
}
