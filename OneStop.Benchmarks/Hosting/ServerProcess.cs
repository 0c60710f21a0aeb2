using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Benchmarks.Hosting;

/// <summary>A server the benchmarks start in its own process: waiting until it answers, and stopping it.</summary>
internal static class ServerProcess
{
    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Keeps the child's output from filling its pipe; shown only when the child dies.</summary>
    public static Process Drain(Process process)
    {
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Exited += (_, _) => { lock (log) { Console.Error.Write(log.ToString()); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <paramref name="url"/> every 250 ms until it answers with anything but 503 (at most <paramref name="attempts"/> times).</summary>
    public static async Task WaitUntilUpAsync(string url, Process process, int attempts)
    {
        using var http = new HttpClient();
        for (var i = 0; i < attempts; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server for {url} exited with {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(url + " did not answer.");
    }

    /// <summary>Kills the process and its children, quietly (its exit is not reported as a crash).</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.EnableRaisingEvents = false;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
