using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Tests.Worker;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for the email channel's tests: accepts every message (or answers 451 to
/// MAIL FROM while <see cref="Failing"/>), keeps the raw messages in <see cref="Messages"/>.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _messages = [];

    public SmtpListener()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Failing { get; set; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                await ServeAsync(client);
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost OneStop test SMTP");
        var data = new StringBuilder();
        var inData = false;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (inData)
            {
                if (line == ".")
                {
                    inData = false;
                    lock (_messages)
                    {
                        _messages.Add(data.ToString());
                    }

                    data.Clear();
                    await writer.WriteLineAsync("250 queued");
                }
                else
                {
                    data.AppendLine(line);
                }

                continue;
            }

            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync(Failing ? "451 try again later" : "250 ok");
                    break;
                case "DATA":
                    inData = true;
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }
}
