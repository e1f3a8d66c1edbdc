using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SafeAuth.Redis.Tests;

/// <summary>
/// A real redis-server of the test's own, on a free loopback port, with an append-only file fsynced on every write so a
/// restart keeps what was written. Installs Debian's package first when it is missing; never skips.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safeauth-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    public async Task InitializeAsync()
    {
        EnsureInstalled();
        Directory.CreateDirectory(_directory);
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(Configuration);

    private static void EnsureInstalled()
    {
        if (OnPath("redis-server"))
        {
            return;
        }

        var script = Path.Combine(AppContext.BaseDirectory, "install-redis.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", script) { RedirectStandardError = true }) ?? throw new InvalidOperationException("Could not run install-redis.sh.");
        install.WaitForExit();
        if (install.ExitCode != 0 || !OnPath("redis-server"))
        {
            throw new InvalidOperationException("redis-server is not installed and install-redis.sh could not install it: " + install.StandardError.ReadToEnd());
        }
    }

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis-server";
}
