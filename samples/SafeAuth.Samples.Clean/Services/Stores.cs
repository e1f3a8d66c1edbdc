using System.Collections.Concurrent;

namespace SafeAuth.Samples.Clean.Services;

public sealed record Order(string Id, string CustomerId, decimal Total);

public sealed record Report(string Id, string TenantId, string Title);

public sealed class OrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new();

    public IEnumerable<Order> ForCustomer(string customerId) => _orders.Values.Where(o => o.CustomerId == customerId);
}

public sealed class ReportStore
{
    private readonly ConcurrentDictionary<string, Report> _reports = new();

    public IEnumerable<Report> ForTenant(string tenantId) => _reports.Values.Where(r => r.TenantId == tenantId);

    public Report? Find(string reportId) => _reports.TryGetValue(reportId, out var report) ? report : null;
}

public sealed class UserDirectory
{
    private readonly ConcurrentDictionary<string, string> _displayNames = new();

    public static UserDirectory Shared { get; } = new();

    public string? DisplayName(string userId) => _displayNames.TryGetValue(userId, out var name) ? name : null;

    public bool Delete(string userId) => _displayNames.TryRemove(userId, out _);
}
