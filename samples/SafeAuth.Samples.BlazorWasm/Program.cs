using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using SafeAuth.Samples.BlazorWasm;
using SafeAuth.Samples.BlazorWasm.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<TokenSessionService>();

await builder.Build().RunAsync();
