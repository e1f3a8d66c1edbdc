namespace SafeAuth.Benchmarks;

// The ordinary code of the corpus: DTOs, services, controllers, minimal-API endpoints, components and helpers.
internal sealed partial class CorpusGenerator
{
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
        DtoRequests(w, e, fields);
        DtoEntity(w, e, fields);
        return new SourceFile($"Modules/M{module:D4}/{e}Dto.cs", w.ToString());
    }

    private static void DtoRequests(CodeWriter w, string e, (string Type, string Name, string Sample, string Validation)[] fields)
    {
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
    }

    /// <summary>The entity with its DTO projections, and the mapping from requests.</summary>
    private static void DtoEntity(CodeWriter w, string e, (string Type, string Name, string Sample, string Validation)[] fields)
    {
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
    }

    private static SourceFile Service(Random random, int module, string e)
    {
        var fields = FieldsOf(random);
        var w = new CodeWriter();
        w.Line("using System.Collections.Concurrent;").Line("using System.Globalization;").Line("using System.Text;").Line();
        w.Line($"namespace {Ns(module)};").Line();
        ServiceInterface(w, e);

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

    private static void ServiceInterface(CodeWriter w, string e)
    {
        w.Open($"public interface I{e}Service");
        w.Line($"Task<IReadOnlyList<{e}Dto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto?> GetAsync(Guid id, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto> CreateAsync(Create{e}Request request, CancellationToken cancellationToken);").Line();
        w.Line($"Task<{e}Dto?> UpdateAsync(Guid id, Update{e}Request request, CancellationToken cancellationToken);").Line();
        w.Line("Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);");
        w.Close().Line();
    }

    /// <summary>Ordinary business logic of varied shape: loops, LINQ, switch expressions, string building, exceptions.</summary>
    // Size: one case per method shape, each a fixed snippet of corpus text; data more than logic, read side by side.
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
}
