namespace Mosaic.Server.Commands;

/// <summary>
/// Mosaic's own arguments, taken out before the rest reach ASP.NET Core:
/// <c>--demo</c> (seed the demo account) and one-shot commands such as <c>rotate-encryption-key</c>.
/// </summary>
public sealed record MosaicCommandLine(bool Demo, string? Command, string[] HostArgs)
{
    public static readonly string[] Commands = ["rotate-encryption-key", "generate-key"];

    public static MosaicCommandLine Parse(string[] args)
    {
        var demo = args.Contains("--demo");
        var command = args.FirstOrDefault(a => Commands.Contains(a));
        var rest = args.Where(a => a != "--demo" && a != command).ToArray();
        return new MosaicCommandLine(demo, command, rest);
    }
}
