using Microsoft.AspNetCore.Mvc;
using SafeAuth.Samples.Violations.Filters;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Controllers;

[ApiController]
[Route("api/tenants/{tenantId}/reports")]
[ServiceFilter(typeof(TenantAccessFilter))]
public sealed class ReportsController : ControllerBase
{
    private readonly ReportStore _reports;

    public ReportsController(ReportStore reports) => _reports = reports;

    [HttpGet]
    public IEnumerable<Report> List(string tenantId) => _reports.ForTenant(tenantId);
}
