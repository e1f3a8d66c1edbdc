using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using SafeAuth.Samples.BlazorWasm;
using SafeAuth.Samples.BlazorWasm.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<TokenSessionService>();
builder.Services.AddScoped<PartnerApiClient>();
builder.Services.AddScoped<BrowserStorage>();
builder.Services.AddScoped<RememberMeService>();

builder.Services.AddOidcAuthentication(options =>
{
    builder.Configuration.Bind("Oidc", options.ProviderOptions);
    // The implicit flow: tokens come back in the URL fragment, where history, logs and extensions can read them.
    options.ProviderOptions.ResponseType = "id_token token";
});

await builder.Build().RunAsync();
