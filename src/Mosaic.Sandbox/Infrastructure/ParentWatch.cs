namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// --exit-with-parent: the parent keeps our standard input open as a pipe and never writes to it. When the
/// parent ends, however it ends (SIGKILL included), the kernel closes its end and our read sees end-of-file:
/// then we exit, so a killed server leaves no Sandbox behind holding its port.
/// </summary>
public static class ParentWatch
{
    public const string Flag = "--exit-with-parent";

    public static void ExitWhenStdinCloses()
    {
        var thread = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                { /* nothing is ever sent; keep reading until EOF */
                }
            }
            catch (IOException)
            { /* a broken pipe is a closed pipe */
            }
            Environment.Exit(0);
        })
        {
            IsBackground = true,
            Name = "parent-watch",
        };
        thread.Start();
    }
}
