using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SafeAuth.Samples.Clean.Filters;
using SafeAuth.Samples.Clean.Services;

namespace SafeAuth.Samples.Clean.Controllers;

[ApiController]
[Route("api/tenants/{tenantId}/reports")]
[Authorize]
[ServiceFilter(typeof(TenantAccessFilter))]
public sealed class ReportsController : ControllerBase
{
    private readonly ReportStore _reports;

    public ReportsController(ReportStore reports) => _reports = reports;

    [HttpGet]
    public IEnumerable<Report> List(string tenantId) => _reports.ForTenant(tenantId);
}
