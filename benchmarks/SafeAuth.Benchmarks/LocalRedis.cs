using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SafeAuth.Benchmarks;

/// <summary>A redis-server of the benchmark's own on a free loopback port, without persistence; null when none is installed.</summary>
internal sealed class LocalRedis : IDisposable
{
    private readonly Process _process;

    private LocalRedis(Process process, ConnectionMultiplexer connection)
    {
        _process = process;
        Connection = connection;
    }

    public ConnectionMultiplexer Connection { get; }

    public static LocalRedis? TryStart()
    {
        if (!(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, "redis-server"))))
        {
            return null;
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                return new LocalRedis(process, ConnectionMultiplexer.Connect($"127.0.0.1:{port},connectTimeout=500"));
            }
            catch (RedisConnectionException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        return null;
    }

    public void Dispose()
    {
        Connection.Dispose();
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
