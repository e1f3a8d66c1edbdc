namespace SafeAuth.Benchmarks;

/// <summary>
/// A seeded generator of an ASP.NET Core code base: modules of DTOs, services, controllers, minimal-API endpoints and
/// Blazor-style components written in C#, most of which never touch an auth API, plus a few auth files (JwtBearer
/// set-up, token issuing and validation, MSAL and Duende clients) at a realistic density, some of which carry one
/// misuse of a rule family. The same seed always yields the same text. The no-auth variant is the same code base with
/// every auth file replaced by an ordinary service and no auth API anywhere.
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>One auth file in this many files.</summary>
    private const int AuthFileEvery = 24;

    /// <summary>Each misuse shape appears once per this many lines (at least once).</summary>
    private const int LinesPerMisuse = 50_000;

    private static readonly string[] Nouns =
    {
        "Order", "Customer", "Invoice", "Product", "Shipment", "Ticket", "Payment", "Warehouse", "Supplier", "Contract",
        "Project", "Employee", "Booking", "Subscription", "Refund", "Coupon", "Review", "Report", "Device", "Tenant",
        "Course", "Lesson", "Vehicle", "Route", "Claimant", "Policy", "Quote", "Asset", "Budget", "Campaign",
    };

    private static readonly (string Type, string Name, string Sample, string Validation)[] Fields =
    {
        ("string", "Title", "\"Untitled\"", "[Required, StringLength(200)]"),
        ("decimal", "Amount", "0m", "[Range(0, 1_000_000)]"),
        ("int", "Quantity", "1", "[Range(1, 10_000)]"),
        ("DateTimeOffset", "DueAt", "DateTimeOffset.UtcNow", ""),
        ("bool", "IsPriority", "false", ""),
        ("string?", "Notes", "null", "[StringLength(4000)]"),
        ("string", "Currency", "\"EUR\"", "[Required, RegularExpression(\"^[A-Z]{3}$\")]"),
        ("double", "Weight", "0.0", "[Range(0.0, 50_000.0)]"),
        ("string", "Region", "\"eu-west\"", "[Required]"),
        ("long", "Sequence", "0L", ""),
    };

    /// <summary>The misuse shapes: the current rule families and shapes for families still being written.</summary>
    internal static readonly string[] MisuseShapes =
    {
        "AUTH101:ReadJwtToken", "AUTH101:ReadJsonWebToken", "AUTH101:JwtNetDecode", "AUTH101:JosePayload",
        "AUTH102:RequireSignedTokens", "AUTH103:ValidateAudience", "AUTH104:IgnoredResult", "AUTH105:UnsignedToken",
        "Secrets:HardCodedKey", "Lifetime:ValidateLifetime", "Storage:LocalStorageToken", "NativeSecret:WithClientSecret",
        "Delegates:AlwaysTrueValidator",
    };

    private readonly int _seed;
    private readonly int _targetLines;

    public CorpusGenerator(int seed, int targetLines)
    {
        _seed = seed;
        _targetLines = targetLines;
    }

    /// <summary>The corpus with auth code, and the same corpus with auth code stripped.</summary>
    public (Corpus WithAuth, Corpus WithoutAuth) Generate()
    {
        var withAuth = new List<SourceFile> { Corpus.ImplicitUsings, AppHost(withAuth: true) };
        var withoutAuth = new List<SourceFile> { Corpus.ImplicitUsings, AppHost(withAuth: false) };
        var misuses = new Queue<string>(Enumerable.Range(0, Math.Max(1, _targetLines / LinesPerMisuse))
            .SelectMany(_ => MisuseShapes));
        var lines = withAuth.Sum(f => f.Lines);
        var fileIndex = 0;
        var authIndex = 0;

        // Every misuse shape is placed even in a tiny corpus: auth files come early enough for the queue to drain.
        var authEvery = Math.Max(2, Math.Min(AuthFileEvery, _targetLines / 160 / Math.Max(1, misuses.Count)));
        for (var module = 0; lines < _targetLines || misuses.Count > 0; module++)
        {
            foreach (var kind in ModuleKinds(module))
            {
                var random = new Random(unchecked(_seed * 1_000_003 + fileIndex));
                var noun = Nouns[module % Nouns.Length] + (module / Nouns.Length == 0 ? string.Empty : (module / Nouns.Length).ToString());
                var isAuth = fileIndex % authEvery == authEvery - 1;
                fileIndex++;
                if (isAuth)
                {
                    var misuse = misuses.Count > 0 ? misuses.Dequeue() : null;
                    var auth = AuthFile(random, authIndex++, misuse);
                    withAuth.Add(auth);
                    lines += auth.Lines;
                    withoutAuth.Add(new SourceFile(auth.Path.Replace("Security", "Support", StringComparison.Ordinal),
                        Helper(new Random(unchecked(_seed * 1_000_003 + fileIndex + 500_000_000)), authIndex)));
                }

                var file = kind switch
                {
                    "Dto" => Dto(random, module, noun),
                    "Service" => Service(random, module, noun),
                    "Controller" => Controller(random, module, noun),
                    "Endpoints" => Endpoints(random, module, noun),
                    _ => Component(random, module, noun),
                };
                withAuth.Add(file);
                withoutAuth.Add(file);
                lines += file.Lines;
                if (lines >= _targetLines && misuses.Count == 0)
                {
                    break;
                }
            }
        }

        return (new Corpus("generated", withAuth), new Corpus("generated-no-auth", withoutAuth));
    }

    private static IEnumerable<string> ModuleKinds(int module)
    {
        yield return "Dto";
        yield return "Service";
        yield return module % 3 == 2 ? "Endpoints" : "Controller";
        if (module % 2 == 0)
        {
            yield return "Component";
        }
    }

    private static string Ns(int module) => $"Corpus.Modules.M{module:D4}";

    private static string Lower(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    private static (string Type, string Name, string Sample, string Validation)[] FieldsOf(Random random)
    {
        var count = random.Next(3, Fields.Length);
        return Fields.OrderBy(_ => random.Next()).Take(count).OrderBy(f => Array.IndexOf(Fields, f)).ToArray();
    }

    private static SourceFile AppHost(bool withAuth)
    {
        var w = new CodeWriter();
        w.Line("namespace Corpus;").Line();
        w.Open("public static class AppHost");
        w.Open("public static WebApplication Build(string[] args)");
        w.Line("var builder = WebApplication.CreateBuilder(args);");
        w.Line("builder.Services.AddControllers();");
        w.Line("builder.Services.AddAuthorization();");
        if (withAuth)
        {
            w.Line("Corpus.Security.A0000.AuthSetup0.AddApiAuthentication(builder.Services, builder.Configuration);");
        }

        w.Line("var app = builder.Build();");
        w.Line("app.UseAuthentication();");
        w.Line("app.UseAuthorization();");
        w.Line("app.MapControllers();");
        w.Line("return app;");
        w.Close();
        w.Close();
        return new SourceFile("AppHost.cs", w.ToString());
    }

    private static SourceFile Dto(Random random, int module, string e)
    {
        var fields = FieldsOf(random);
        var w = new CodeWriter();
        w.Line("using System.ComponentModel.DataAnnotations;").Line();
        w.Line($"namespace {Ns(module)};").Line();
        w.Line($"/// <summary>What the API returns for one {Lower(e)}.</summary>");
        w.Line($"public sealed record {e}Dto(Guid Id, {e}Status Status, {string.Join(", ", fields.Select(f => $"{f.Type} {f.Name}"))});").Line();
        w.Line($"public sealed record {e}Summary(Guid Id, string Label, {e}Status Status);").Line();
        w.Open($"public enum {e}Status");
        w.Line("Draft,").Line("Active,").Line("Suspended,").Line("Archived,");
        w.Close().Line();
        foreach (var request in new[] { "Create", "Update" })
        {
            w.Open($"public sealed class {request}{e}Request");
            foreach (var f in fields)
            {
                if (f.Validation.Length > 0)
                {
                    w.Line(f.Validation);
                }

                w.Line($"public {f.Type} {f.Name} {{ get; set; }}{(f.Type == "string" ? " = string.Empty;" : string.Empty)}").Line();
            }

            if (request == "Update")
            {
                w.Line($"public {e}Status? Status {{ get; set; }}");
            }

            w.Close().Line();
        }

        w.Open($"public sealed class {e}Entity");
        w.Line("public Guid Id { get; init; } = Guid.NewGuid();").Line();
        w.Line($"public {e}Status Status {{ get; set; }} = {e}Status.Draft;").Line();
        w.Line("public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;").Line();
        w.Line("public DateTimeOffset? UpdatedAt { get; set; }").Line();
        foreach (var f in fields)
        {
            w.Line($"public {f.Type} {f.Name} {{ get; set; }}{(f.Type == "string" ? " = string.Empty;" : string.Empty)}").Line();
        }

        w.Line($"public {e}Dto ToDto() => new(Id, Status, {string.Join(", ", fields.Select(f => f.Name))});").Line();
        var label = fields.FirstOrDefault(f => f.Type == "string").Name;
        w.Line($"public {e}Summary ToSummary() => new(Id, {(label is null ? "Id.ToString(\"N\")" : label)}, Status);");
        w.Close().Line();

        w.Open($"public static class {e}Mapping");
        w.Open($"public static {e}Entity ToEntity(this Create{e}Request request) => new()");
        foreach (var f in fields)
        {
            w.Line($"{f.Name} = request.{f.Name},");
        }

        w.Close(";").Line();
        w.Open($"public static void Apply(this Update{e}Request request, {e}Entity entity)");
        foreach (var f in fields)
        {
            w.Line($"entity.{f.Name} = request.{f.Name};");
        }

        w.Line("entity.Status = request.Status ?? entity.Status;");
        w.Line("entity.UpdatedAt = DateTimeOffset.UtcNow;");
        w.Close();
        w.Close();
        return new SourceFile($"Modules/M{module:D4}/{e}Dto.cs", w.ToString());
    }

    private static SourceFile Service(Random random, int module, string e)
    {
        var fields = FieldsOf(random);
        var w = new CodeWriter();
        w.Line("using System.Collections.Concurrent;").Line("using System.Globalization;").Line("using System.Text;").Line();
        w.Line($"namespace {Ns(module)};").Line();
        w.Open($"public interface I{e}Service");
        w.Line($"Task<IReadOnlyList<{e}Dto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto?> GetAsync(Guid id, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto> CreateAsync(Create{e}Request request, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto?> UpdateAsync(Guid id, Update{e}Request request, CancellationToken cancellationToken);").Line();
        w.Line("Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);");
        w.Close().Line();

        w.Open($"public sealed class {e}Service : I{e}Service");
        w.Line($"private readonly ConcurrentDictionary<Guid, {e}Entity> _store = new();");
        w.Line($"private readonly ILogger<{e}Service> _logger;");
        w.Line("private readonly TimeProvider _clock;").Line();
        w.Open($"public {e}Service(ILogger<{e}Service> logger, TimeProvider clock)");
        w.Line("_logger = logger;").Line("_clock = clock;");
        w.Close().Line();
        w.Open($"public Task<IReadOnlyList<{e}Dto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)");
        w.Line("cancellationToken.ThrowIfCancellationRequested();");
        w.Line("pageSize = Math.Clamp(pageSize, 1, 200);");
        w.Line("var items = _store.Values");
        w.Line($"    .Where(x => x.Status != {e}Status.Archived)");
        w.Line("    .OrderByDescending(x => x.CreatedAt)");
        w.Line("    .Skip((Math.Max(page, 1) - 1) * pageSize)");
        w.Line("    .Take(pageSize)");
        w.Line("    .Select(x => x.ToDto())");
        w.Line("    .ToList();");
        w.Line($"return Task.FromResult<IReadOnlyList<{e}Dto>>(items);");
        w.Close().Line();
        w.Line($"public Task<{e}Dto?> GetAsync(Guid id, CancellationToken cancellationToken) =>");
        w.Line("    Task.FromResult(_store.TryGetValue(id, out var entity) ? entity.ToDto() : null);").Line();
        w.Open($"public Task<{e}Dto> CreateAsync(Create{e}Request request, CancellationToken cancellationToken)");
        w.Line("ArgumentNullException.ThrowIfNull(request);");
        w.Line("var entity = request.ToEntity();");
        w.Open("if (!_store.TryAdd(entity.Id, entity))");
        w.Line("throw new InvalidOperationException($\"Duplicate id {entity.Id}\");");
        w.Close();
        w.Line($"_logger.LogInformation(\"Created {Lower(e)} {{Id}}\", entity.Id);");
        w.Line("return Task.FromResult(entity.ToDto());");
        w.Close().Line();
        w.Open($"public Task<{e}Dto?> UpdateAsync(Guid id, Update{e}Request request, CancellationToken cancellationToken)");
        w.Open("if (!_store.TryGetValue(id, out var entity))");
        w.Line($"return Task.FromResult<{e}Dto?>(null);");
        w.Close().Line();
        w.Line("request.Apply(entity);");
        w.Line($"return Task.FromResult<{e}Dto?>(entity.ToDto());");
        w.Close().Line();
        w.Line("public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(_store.TryRemove(id, out _));").Line();
        var extra = random.Next(3, 9);
        for (var i = 0; i < extra; i++)
        {
            BusinessMethod(w, random, e, i);
        }

        w.Close();
        return new SourceFile($"Modules/M{module:D4}/{e}Service.cs", w.ToString());
    }

    /// <summary>Ordinary business logic of varied shape: loops, LINQ, switch expressions, string building, exceptions.</summary>
    private static void BusinessMethod(CodeWriter w, Random random, string e, int index)
    {
        switch (random.Next(6))
        {
            case 0:
                w.Open($"public IReadOnlyDictionary<{e}Status, int> CountByStatus{index}()");
                w.Line($"var counts = new Dictionary<{e}Status, int>();");
                w.Open("foreach (var entity in _store.Values)");
                w.Line("counts[entity.Status] = counts.TryGetValue(entity.Status, out var n) ? n + 1 : 1;");
                w.Close().Line();
                w.Line("return counts;");
                w.Close().Line();
                break;
            case 1:
                w.Open($"public string Describe{index}(Guid id)");
                w.Open("if (!_store.TryGetValue(id, out var entity))");
                w.Line("return string.Empty;");
                w.Close().Line();
                w.Line("var text = new StringBuilder();");
                w.Line($"text.Append(\"{e} \").Append(entity.Id.ToString(\"N\", CultureInfo.InvariantCulture));");
                w.Line("text.Append(\" (\").Append(entity.Status).Append(')');");
                w.Line("var age = _clock.GetUtcNow() - entity.CreatedAt;");
                w.Line("text.Append(\", created \").Append(age.TotalDays.ToString(\"F1\", CultureInfo.InvariantCulture)).Append(\" days ago\");");
                w.Line("return text.ToString();");
                w.Close().Line();
                break;
            case 2:
                w.Open($"public {e}Status NextStatus{index}({e}Status current, bool approve) => (current, approve) switch");
                w.Line($"({e}Status.Draft, true) => {e}Status.Active,");
                w.Line($"({e}Status.Active, false) => {e}Status.Suspended,");
                w.Line($"({e}Status.Suspended, true) => {e}Status.Active,");
                w.Line($"({e}Status.Suspended, false) => {e}Status.Archived,");
                w.Line("_ => current,");
                w.Close(";").Line();
                break;
            case 3:
                w.Open($"public async Task<int> ArchiveStale{index}Async(TimeSpan maxAge, CancellationToken cancellationToken)");
                w.Line("var archived = 0;");
                w.Line("var cutoff = _clock.GetUtcNow() - maxAge;");
                w.Open("foreach (var entity in _store.Values.Where(x => (x.UpdatedAt ?? x.CreatedAt) < cutoff).ToArray())");
                w.Line("cancellationToken.ThrowIfCancellationRequested();");
                w.Line($"entity.Status = {e}Status.Archived;");
                w.Line("entity.UpdatedAt = _clock.GetUtcNow();");
                w.Line("archived++;");
                w.Open("if (archived % 100 == 0)");
                w.Line("await Task.Yield();");
                w.Close();
                w.Close().Line();
                w.Line("_logger.LogInformation(\"Archived {Count} stale records\", archived);");
                w.Line("return archived;");
                w.Close().Line();
                break;
            case 4:
                w.Open($"public bool TryImport{index}(string line, out Guid id)");
                w.Line("id = Guid.Empty;");
                w.Line("var parts = line.Split(';', StringSplitOptions.TrimEntries);");
                w.Open("if (parts.Length < 2 || !Guid.TryParse(parts[0], out var parsed))");
                w.Line("return false;");
                w.Close().Line();
                w.Open("try");
                w.Line($"var status = Enum.Parse<{e}Status>(parts[1], ignoreCase: true);");
                w.Line($"var entity = new {e}Entity {{ Id = parsed, Status = status }};");
                w.Line("id = parsed;");
                w.Line("return _store.TryAdd(parsed, entity);");
                w.Close();
                w.Open("catch (ArgumentException ex)");
                w.Line("_logger.LogWarning(ex, \"Skipped line {Line}\", line);");
                w.Line("return false;");
                w.Close();
                w.Close().Line();
                break;
            default:
                w.Open($"public IEnumerable<IGrouping<string, {e}Summary>> GroupByMonth{index}()");
                w.Line("return _store.Values");
                w.Line("    .Select(x => (Month: x.CreatedAt.ToString(\"yyyy-MM\", CultureInfo.InvariantCulture), Summary: x.ToSummary()))");
                w.Line("    .GroupBy(x => x.Month, x => x.Summary)");
                w.Line("    .OrderBy(g => g.Key, StringComparer.Ordinal);");
                w.Close().Line();
                break;
        }
    }

    private static SourceFile Controller(Random random, int module, string e)
    {
        var route = Lower(e) + "s";
        var w = new CodeWriter();
        w.Line("using System.Security.Claims;").Line("using Microsoft.AspNetCore.Authorization;").Line("using Microsoft.AspNetCore.Mvc;").Line();
        w.Line($"namespace {Ns(module)};").Line();
        w.Line("[ApiController]");
        w.Line($"[Route(\"api/{route}\")]");
        w.Line(random.Next(3) == 0 ? "[Authorize(Roles = \"admin\")]" : "[Authorize]");
        w.Open($"public sealed class {e}Controller : ControllerBase");
        w.Line($"private readonly I{e}Service _service;");
        w.Line($"private readonly ILogger<{e}Controller> _logger;").Line();
        w.Open($"public {e}Controller(I{e}Service service, ILogger<{e}Controller> logger)");
        w.Line("_service = service;").Line("_logger = logger;");
        w.Close().Line();
        w.Line("[HttpGet]");
        w.Line($"public async Task<ActionResult<IReadOnlyList<{e}Dto>>> List([FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default) =>");
        w.Line("    Ok(await _service.ListAsync(page, pageSize, cancellationToken));").Line();
        w.Line("[HttpGet(\"{id:guid}\")]");
        w.Open("public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken)");
        w.Line("var item = await _service.GetAsync(id, cancellationToken);");
        w.Line("return item is null ? NotFound() : Ok(item);");
        w.Close().Line();
        w.Line("[HttpPost]");
        w.Open($"public async Task<IActionResult> Create([FromBody] Create{e}Request request, CancellationToken cancellationToken)");
        w.Open("if (!ModelState.IsValid)");
        w.Line("return ValidationProblem(ModelState);");
        w.Close().Line();
        w.Line("var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);");
        w.Line("var created = await _service.CreateAsync(request, cancellationToken);");
        w.Line($"_logger.LogInformation(\"User {{User}} created {Lower(e)} {{Id}}\", userId, created.Id);");
        w.Line("return CreatedAtAction(nameof(Get), new { id = created.Id }, created);");
        w.Close().Line();
        w.Line("[HttpPut(\"{id:guid}\")]");
        w.Open($"public async Task<IActionResult> Update(Guid id, [FromBody] Update{e}Request request, CancellationToken cancellationToken)");
        w.Line("var updated = await _service.UpdateAsync(id, request, cancellationToken);");
        w.Line("return updated is null ? NotFound() : Ok(updated);");
        w.Close().Line();
        w.Line("[HttpDelete(\"{id:guid}\")]");
        w.Line("[Authorize(Policy = \"CanDelete\")]");
        w.Line("public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>");
        w.Line("    await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();");
        w.Close();
        return new SourceFile($"Modules/M{module:D4}/{e}Controller.cs", w.ToString());
    }

    private static SourceFile Endpoints(Random random, int module, string e)
    {
        var route = Lower(e) + "s";
        var w = new CodeWriter();
        w.Line($"namespace {Ns(module)};").Line();
        w.Open($"public static class {e}Endpoints");
        w.Open($"public static IEndpointRouteBuilder Map{e}Endpoints(this IEndpointRouteBuilder app)");
        w.Line($"var group = app.MapGroup(\"/api/v2/{route}\").RequireAuthorization();").Line();
        w.Line("group.MapGet(\"/\", async (I" + e + "Service service, int? page, int? pageSize, CancellationToken cancellationToken) =>");
        w.Line("    Results.Ok(await service.ListAsync(page ?? 1, pageSize ?? 50, cancellationToken)));").Line();
        w.Line("group.MapGet(\"/{id:guid}\", async (Guid id, I" + e + "Service service, CancellationToken cancellationToken) =>");
        w.Line("    await service.GetAsync(id, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound());").Line();
        w.Open($"group.MapPost(\"/\", async (Create{e}Request request, I{e}Service service, ILoggerFactory loggers, CancellationToken cancellationToken) =>");
        w.Line("var errors = new Dictionary<string, string[]>();");
        w.Line(random.Next(2) == 0
            ? "if (request is null) errors[\"body\"] = new[] { \"A body is required.\" };"
            : "if (request is null) { errors[\"body\"] = new[] { \"A body is required.\" }; }");
        w.Open("if (errors.Count > 0)");
        w.Line("return Results.ValidationProblem(errors);");
        w.Close().Line();
        w.Line("var created = await service.CreateAsync(request!, cancellationToken);");
        w.Line($"loggers.CreateLogger(\"{e}Endpoints\").LogInformation(\"Created {{Id}}\", created.Id);");
        w.Line($"return Results.Created($\"/api/v2/{route}/{{created.Id}}\", created);");
        w.Close(");").Line();
        w.Line("group.MapDelete(\"/{id:guid}\", async (Guid id, I" + e + "Service service, CancellationToken cancellationToken) =>");
        w.Line("    await service.DeleteAsync(id, cancellationToken) ? Results.NoContent() : Results.NotFound());").Line();
        w.Line("return app;");
        w.Close().Line();
        w.Open($"public static IServiceCollection Add{e}Module(this IServiceCollection services)");
        w.Line($"services.AddSingleton<I{e}Service, {e}Service>();");
        w.Line("services.AddSingleton(TimeProvider.System);");
        w.Line("return services;");
        w.Close();
        w.Close();
        return new SourceFile($"Modules/M{module:D4}/{e}Endpoints.cs", w.ToString());
    }

    private static SourceFile Component(Random random, int module, string e)
    {
        var w = new CodeWriter();
        w.Line("using Microsoft.AspNetCore.Components;").Line("using Microsoft.AspNetCore.Components.Rendering;").Line("using Microsoft.JSInterop;").Line();
        w.Line($"namespace {Ns(module)};").Line();
        w.Open($"public partial class {e}ListPage : ComponentBase");
        w.Line($"private IReadOnlyList<{e}Dto> _items = Array.Empty<{e}Dto>();");
        w.Line("private string _filter = string.Empty;");
        w.Line("private bool _loading;").Line();
        w.Line("[Inject]");
        w.Line($"public I{e}Service Service {{ get; set; }} = default!;").Line();
        w.Line("[Inject]");
        w.Line("public IJSRuntime JS { get; set; } = default!;").Line();
        w.Line("[Parameter]");
        w.Line("public int PageSize { get; set; } = 20;").Line();
        w.Open("protected override async Task OnInitializedAsync()");
        w.Line("_loading = true;");
        w.Line($"_filter = await JS.InvokeAsync<string?>(\"localStorage.getItem\", \"{Lower(e)}-filter\") ?? string.Empty;");
        w.Line("_items = await Service.ListAsync(1, PageSize, CancellationToken.None);");
        w.Line("_loading = false;");
        w.Close().Line();
        w.Open("protected override void BuildRenderTree(RenderTreeBuilder builder)");
        w.Line("builder.OpenElement(0, \"section\");");
        w.Line($"builder.AddAttribute(1, \"class\", \"{Lower(e)}-list\");");
        w.Open("if (_loading)");
        w.Line("builder.OpenElement(2, \"p\");");
        w.Line("builder.AddContent(3, \"Loading…\");");
        w.Line("builder.CloseElement();");
        w.Close();
        w.Open("else");
        w.Line("builder.OpenElement(4, \"ul\");");
        w.Open("foreach (var item in _items.Where(i => _filter.Length == 0 || i.Id.ToString().Contains(_filter, StringComparison.OrdinalIgnoreCase)))");
        w.Line("builder.OpenElement(5, \"li\");");
        w.Line("builder.SetKey(item.Id);");
        w.Line("builder.AddContent(6, item.Status.ToString());");
        w.Line("builder.AddAttribute(7, \"onclick\", EventCallback.Factory.Create(this, () => SelectAsync(item.Id)));");
        w.Line("builder.CloseElement();");
        w.Close();
        w.Line("builder.CloseElement();");
        w.Close();
        w.Line("builder.CloseElement();");
        w.Close().Line();
        w.Line("private async Task SelectAsync(Guid id) => await JS.InvokeVoidAsync(\"console.log\", id.ToString());").Line();
        w.Open("private async Task SaveFilterAsync(string filter)");
        w.Line("_filter = filter;");
        w.Line($"await JS.InvokeVoidAsync(\"localStorage.setItem\", \"{Lower(e)}-filter\", filter);");
        w.Line(random.Next(2) == 0 ? "StateHasChanged();" : "await InvokeAsync(StateHasChanged);");
        w.Close();
        w.Close();
        return new SourceFile($"Modules/M{module:D4}/{e}ListPage.cs", w.ToString());
    }

    /// <summary>What takes an auth file's place in the no-auth variant: an ordinary helper of similar size.</summary>
    private static string Helper(Random random, int index)
    {
        var w = new CodeWriter();
        w.Line("using System.Globalization;").Line("using System.Text;").Line();
        w.Line($"namespace Corpus.Support.S{index:D4};").Line();
        w.Open($"public static class TextHelpers{index}");
        var count = random.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            w.Open($"public static string Slug{i}(string value)");
            w.Line("var text = new StringBuilder(value.Length);");
            w.Open("foreach (var c in value.Normalize(NormalizationForm.FormKD))");
            w.Open("if (char.IsLetterOrDigit(c))");
            w.Line("text.Append(char.ToLowerInvariant(c));");
            w.Close();
            w.Open("else if (text.Length > 0 && text[^1] != '-')");
            w.Line("text.Append('-');");
            w.Close();
            w.Close().Line();
            w.Line("return text.ToString().Trim('-');");
            w.Close().Line();
            w.Line($"public static string Money{i}(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $\"{{amount:0.00}} {{currency}}\");").Line();
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>An auth file: correct auth code of one kind, plus the given misuse (if any) as one more class.</summary>
    private static SourceFile AuthFile(Random random, int index, string? misuse)
    {
        var w = new CodeWriter();
        w.Line("using System.IdentityModel.Tokens.Jwt;");
        w.Line("using System.Security.Claims;");
        w.Line("using System.Text;");
        w.Line("using Microsoft.AspNetCore.Authentication.JwtBearer;");
        w.Line("using Microsoft.AspNetCore.Components;");
        w.Line("using Microsoft.Identity.Client;");
        w.Line("using Microsoft.IdentityModel.JsonWebTokens;");
        w.Line("using Microsoft.IdentityModel.Tokens;");
        w.Line("using Microsoft.JSInterop;");
        w.Line("using Duende.IdentityModel.Client;");
        w.Line();
        w.Line($"namespace Corpus.Security.A{index:D4};").Line();
        switch (index % 6)
        {
            case 0: AuthSetup(w, index); break;
            case 1: TokenIssuer(w, index); break;
            case 2: TokenValidator(w, index); break;
            case 3: MsalClient(w, index); break;
            case 4: DuendeClient(w, index); break;
            default: TokenInspector(w, index); break;
        }

        if (misuse is not null)
        {
            w.Line();
            Misuse(w, misuse, index, random);
        }

        return new SourceFile($"Security/A{index:D4}/Auth{index}.cs", w.ToString());
    }

    private static void AuthSetup(CodeWriter w, int i)
    {
        w.Open($"public static class AuthSetup{i}");
        w.Open("public static IServiceCollection AddApiAuthentication(IServiceCollection services, IConfiguration configuration)");
        w.Line("var section = configuration.GetSection(\"Authentication:Bearer\");");
        w.Open("services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>");
        w.Line("options.Authority = section[\"Authority\"];");
        w.Line("options.Audience = section[\"Audience\"];");
        w.Line("options.MapInboundClaims = false;");
        w.Open("options.TokenValidationParameters = new TokenValidationParameters");
        w.Line("ValidIssuer = section[\"Authority\"],");
        w.Line("ValidAudience = section[\"Audience\"],");
        w.Line("ClockSkew = TimeSpan.FromMinutes(1),");
        w.Line("NameClaimType = \"name\",");
        w.Line("RoleClaimType = \"role\",");
        w.Close(";");
        w.Open("options.Events = new JwtBearerEvents");
        w.Open("OnAuthenticationFailed = context =>");
        w.Line("context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(\"Auth\").LogWarning(context.Exception, \"Bearer token rejected\");");
        w.Line("return Task.CompletedTask;");
        w.Close(",");
        w.Close(";");
        w.Close(");").Line();
        w.Open("services.AddAuthorization(options =>");
        w.Line("options.AddPolicy(\"CanDelete\", policy => policy.RequireClaim(\"scope\", \"records.delete\"));");
        w.Close(");");
        w.Line("return services;");
        w.Close();
        w.Close();
    }

    private static void TokenIssuer(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenIssuer{i}");
        w.Line("private readonly SigningCredentials _credentials;");
        w.Line("private readonly string _issuer;").Line();
        w.Open($"public TokenIssuer{i}(IConfiguration configuration)");
        w.Line("var key = new SymmetricSecurityKey(Convert.FromBase64String(configuration[\"Tokens:SigningKey\"] ?? throw new InvalidOperationException(\"Tokens:SigningKey is not set\")));");
        w.Line("_credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);");
        w.Line("_issuer = configuration[\"Tokens:Issuer\"] ?? \"https://issuer.example\";");
        w.Close().Line();
        w.Open("public string IssueWithJwtSecurityToken(string subject, IEnumerable<string> roles)");
        w.Line("var claims = new List<Claim> { new(\"sub\", subject) };");
        w.Line("claims.AddRange(roles.Select(r => new Claim(\"role\", r)));");
        w.Line("var token = new JwtSecurityToken(_issuer, \"api://records\", claims, expires: DateTime.UtcNow.AddMinutes(15), signingCredentials: _credentials);");
        w.Line("return new JwtSecurityTokenHandler().WriteToken(token);");
        w.Close().Line();
        w.Open("public string IssueWithJsonWebTokenHandler(string subject)");
        w.Open("var descriptor = new SecurityTokenDescriptor");
        w.Line("Issuer = _issuer,");
        w.Line("Audience = \"api://records\",");
        w.Line("Subject = new ClaimsIdentity(new[] { new Claim(\"sub\", subject) }),");
        w.Line("Expires = DateTime.UtcNow.AddMinutes(15),");
        w.Line("SigningCredentials = _credentials,");
        w.Close(";");
        w.Line("return new JsonWebTokenHandler().CreateToken(descriptor);");
        w.Close();
        w.Close();
    }

    private static void TokenValidator(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenValidator{i}");
        w.Line("private readonly JsonWebTokenHandler _handler = new();");
        w.Line("private readonly TokenValidationParameters _parameters;").Line();
        w.Open($"public TokenValidator{i}(TokenValidationParameters parameters)");
        w.Line("_parameters = parameters;");
        w.Close().Line();
        w.Open("public async Task<ClaimsPrincipal?> ValidateAsync(string token)");
        w.Line("var result = await _handler.ValidateTokenAsync(token, _parameters);");
        w.Open("if (!result.IsValid)");
        w.Line("return null;");
        w.Close().Line();
        w.Line("return new ClaimsPrincipal(result.ClaimsIdentity);");
        w.Close().Line();
        w.Open("public ClaimsPrincipal ValidateLegacy(string token)");
        w.Line("var handler = new JwtSecurityTokenHandler();");
        w.Line("return handler.ValidateToken(token, _parameters, out _);");
        w.Close().Line();
        w.Open("public IDictionary<string, object> ValidateWithJwtNet(string token, string secret)");
        w.Line("return new JWT.Builder.JwtBuilder()");
        w.Line("    .WithAlgorithm(new JWT.Algorithms.HMACSHA256Algorithm())");
        w.Line("    .WithSecret(secret)");
        w.Line("    .MustVerifySignature()");
        w.Line("    .Decode<IDictionary<string, object>>(token);");
        w.Close().Line();
        w.Line("public Dictionary<string, object> ValidateWithJose(string token, byte[] key) =>");
        w.Line("    Jose.JWT.Decode<Dictionary<string, object>>(token, key, Jose.JwsAlgorithm.HS256);");
        w.Close();
    }

    private static void MsalClient(CodeWriter w, int i)
    {
        w.Open($"public sealed class GraphTokenSource{i}");
        w.Line("private static readonly string[] Scopes = { \"User.Read\" };");
        w.Line("private readonly IPublicClientApplication _app;").Line();
        w.Open($"public GraphTokenSource{i}(string clientId, string tenantId)");
        w.Line("_app = PublicClientApplicationBuilder.Create(clientId)");
        w.Line("    .WithAuthority(AzureCloudInstance.AzurePublic, tenantId)");
        w.Line("    .WithRedirectUri(\"http://localhost\")");
        w.Line("    .Build();");
        w.Close().Line();
        w.Open("public async Task<string> GetTokenAsync(CancellationToken cancellationToken)");
        w.Line("var accounts = await _app.GetAccountsAsync();");
        w.Open("try");
        w.Line("var silent = await _app.AcquireTokenSilent(Scopes, accounts.FirstOrDefault()).ExecuteAsync(cancellationToken);");
        w.Line("return silent.AccessToken;");
        w.Close();
        w.Open("catch (MsalUiRequiredException)");
        w.Line("var interactive = await _app.AcquireTokenInteractive(Scopes).ExecuteAsync(cancellationToken);");
        w.Line("return interactive.AccessToken;");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void DuendeClient(CodeWriter w, int i)
    {
        w.Open($"public sealed class ServiceTokenClient{i}");
        w.Line("private readonly HttpClient _http;");
        w.Line("private readonly IConfiguration _configuration;").Line();
        w.Open($"public ServiceTokenClient{i}(HttpClient http, IConfiguration configuration)");
        w.Line("_http = http;").Line("_configuration = configuration;");
        w.Close().Line();
        w.Open("public async Task<string> GetTokenAsync(CancellationToken cancellationToken)");
        w.Open("var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest");
        w.Line("Address = _configuration[\"Sts:TokenEndpoint\"],");
        w.Line("ClientId = _configuration[\"Sts:ClientId\"] ?? \"records-api\",");
        w.Line("ClientSecret = _configuration[\"Sts:ClientSecret\"],");
        w.Line("Scope = \"records\",");
        w.Close(", cancellationToken);");
        w.Open("if (response.IsError)");
        w.Line("throw new InvalidOperationException($\"Token request failed: {response.Error}\");");
        w.Close().Line();
        w.Line("return response.AccessToken ?? string.Empty;");
        w.Close();
        w.Close();
    }

    private static void TokenInspector(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenInspector{i}");
        w.Line("private readonly JwtSecurityTokenHandler _handler = new();");
        w.Line("private readonly TokenValidationParameters _parameters;").Line();
        w.Open($"public TokenInspector{i}(TokenValidationParameters parameters)");
        w.Line("_parameters = parameters;");
        w.Close().Line();
        w.Line("/// <summary>Reads only the key id before validating, to pick the key.</summary>");
        w.Open("public ClaimsPrincipal Validate(string token, IReadOnlyDictionary<string, SecurityKey> keys)");
        w.Line("var kid = _handler.ReadJwtToken(token).Header.Kid;");
        w.Line("var parameters = _parameters.Clone();");
        w.Line("parameters.IssuerSigningKey = keys[kid];");
        w.Line("return _handler.ValidateToken(token, parameters, out _);");
        w.Close();
        w.Close();
    }

    private static void Misuse(CodeWriter w, string shape, int i, Random random)
    {
        var name = shape.Split(':')[1] + i;
        switch (shape)
        {
            case "AUTH101:ReadJwtToken":
                w.Open($"public sealed class {name}Filter");
                w.Open("public bool IsAdmin(HttpRequest request)");
                w.Line("var token = request.Headers.Authorization.ToString().Replace(\"Bearer \", string.Empty);");
                w.Line("var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);");
                w.Line("return jwt.Claims.FirstOrDefault(c => c.Type == \"role\")?.Value == \"admin\";");
                w.Close();
                w.Close();
                break;
            case "AUTH101:ReadJsonWebToken":
                w.Open($"public sealed class {name}Middleware");
                w.Line("private readonly RequestDelegate _next;");
                w.Line($"public {name}Middleware(RequestDelegate next) => _next = next;").Line();
                w.Open("public async Task InvokeAsync(HttpContext context)");
                w.Line("var token = context.Request.Headers.Authorization.ToString()[\"Bearer \".Length..];");
                w.Line("var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);");
                w.Line("context.User = new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, \"Bearer\"));");
                w.Line("await _next(context);");
                w.Close();
                w.Close();
                break;
            case "AUTH101:JwtNetDecode":
                w.Open($"public static class {name}Endpoints");
                w.Open("public static void Map(IEndpointRouteBuilder app)");
                w.Open("app.MapGet(\"/api/me\", (HttpContext ctx) =>");
                w.Line("var token = ctx.Request.Headers.Authorization.ToString()[\"Bearer \".Length..];");
                w.Line("var claims = new JWT.Builder.JwtBuilder().Decode<IDictionary<string, object>>(token);");
                w.Line("return Results.Ok(new { user = claims[\"sub\"].ToString() });");
                w.Close(");");
                w.Close();
                w.Close();
                break;
            case "AUTH101:JosePayload":
                w.Open($"public sealed class {name}Check");
                w.Open("public bool SameTenant(string token, string tenantId)");
                w.Line("var claims = Jose.JWT.Payload<Dictionary<string, object>>(token);");
                w.Line("return claims.TryGetValue(\"tenant\", out var tenant) && tenant?.ToString() == tenantId;");
                w.Close();
                w.Close();
                break;
            case "AUTH102:RequireSignedTokens":
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    ValidAudience = \"api://records\",");
                w.Line("    RequireSignedTokens = false,");
                w.Line("};");
                w.Close();
                break;
            case "AUTH103:ValidateAudience":
                w.Open($"public static class {name}Setup");
                w.Open("public static void Configure(AuthenticationBuilderHolder holder)");
                w.Open("holder.Builder.AddJwtBearer(\"partner\", options =>");
                w.Line("options.Authority = \"https://partner.example\";");
                w.Line("options.TokenValidationParameters.ValidateAudience = false;");
                w.Close(");");
                w.Close();
                w.Close().Line();
                w.Line($"public sealed record AuthenticationBuilderHolder(Microsoft.AspNetCore.Authentication.AuthenticationBuilder Builder);");
                break;
            case "AUTH104:IgnoredResult":
                w.Open($"public sealed class {name}Consumer");
                w.Line("private readonly JsonWebTokenHandler _handler = new();");
                w.Open("public async Task<ClaimsPrincipal> AuthenticateAsync(string token, TokenValidationParameters parameters)");
                w.Line("var result = await _handler.ValidateTokenAsync(token, parameters);");
                w.Line("return new ClaimsPrincipal(result.ClaimsIdentity);");
                w.Close();
                w.Close();
                break;
            case "AUTH105:UnsignedToken":
                w.Open($"public sealed class {name}Issuer");
                w.Open("public string Issue(string service)");
                w.Line("var token = new JwtSecurityToken(issuer: \"https://internal\", audience: \"internal\", claims: new[] { new Claim(\"sub\", service) }, expires: DateTime.UtcNow.AddMinutes(10));");
                w.Line("return new JwtSecurityTokenHandler().WriteToken(token);");
                w.Close();
                w.Close();
                break;
            case "Secrets:HardCodedKey":
                w.Open($"public static class {name}Keys");
                w.Line($"public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes(\"super-secret-signing-key-{random.Next(100000, 999999)}-do-not-share\"));");
                w.Close();
                break;
            case "Lifetime:ValidateLifetime":
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer, SecurityKey key) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    ValidAudience = \"api://records\",");
                w.Line("    IssuerSigningKey = key,");
                w.Line("    ValidateLifetime = false,");
                w.Line("};");
                w.Close();
                break;
            case "Storage:LocalStorageToken":
                w.Open($"public sealed class {name}Store");
                w.Line("private readonly IJSRuntime _js;");
                w.Line($"public {name}Store(IJSRuntime js) => _js = js;").Line();
                w.Line("public ValueTask SaveAsync(string accessToken) => _js.InvokeVoidAsync(\"localStorage.setItem\", \"token\", accessToken);");
                w.Close();
                break;
            case "NativeSecret:WithClientSecret":
                w.Open($"public static class {name}Client");
                w.Line("public static IConfidentialClientApplication Create() => ConfidentialClientApplicationBuilder.Create(\"11111111-2222-3333-4444-555555555555\")");
                w.Line($"    .WithClientSecret(\"k~{random.Next(100000, 999999)}QzX.secret-value\")");
                w.Line("    .WithAuthority(\"https://login.microsoftonline.com/contoso.onmicrosoft.com\")");
                w.Line("    .Build();");
                w.Close();
                break;
            default: // Delegates:AlwaysTrueValidator
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    AudienceValidator = (audiences, token, parameters) => true,");
                w.Line("    LifetimeValidator = (notBefore, expires, token, parameters) => true,");
                w.Line("};");
                w.Close();
                break;
        }
    }
}
