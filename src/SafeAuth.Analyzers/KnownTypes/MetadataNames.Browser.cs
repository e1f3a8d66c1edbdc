namespace SafeAuth.Analyzers.KnownTypes;

internal static partial class MetadataNames
{
    // Microsoft.JSInterop
    public const string IJSRuntime = "Microsoft.JSInterop.IJSRuntime";
    public const string IJSInProcessRuntime = "Microsoft.JSInterop.IJSInProcessRuntime";
    public const string IJSObjectReference = "Microsoft.JSInterop.IJSObjectReference";
    public const string IJSInProcessObjectReference = "Microsoft.JSInterop.IJSInProcessObjectReference";
    public const string JSRuntimeExtensions = "Microsoft.JSInterop.JSRuntimeExtensions";
    public const string JSInProcessRuntimeExtensions = "Microsoft.JSInterop.JSInProcessRuntimeExtensions";
    public const string JSObjectReferenceExtensions = "Microsoft.JSInterop.JSObjectReferenceExtensions";
    public const string JSInProcessObjectReferenceExtensions = "Microsoft.JSInterop.JSInProcessObjectReferenceExtensions";

    // [JSImport] (System.Runtime.InteropServices.JavaScript, .NET 7 and later)
    public const string JSImportAttribute = "System.Runtime.InteropServices.JavaScript.JSImportAttribute";

    // Blazored.LocalStorage / Blazored.SessionStorage
    public const string BlazoredILocalStorageService = "Blazored.LocalStorage.ILocalStorageService";
    public const string BlazoredISyncLocalStorageService = "Blazored.LocalStorage.ISyncLocalStorageService";
    public const string BlazoredISessionStorageService = "Blazored.SessionStorage.ISessionStorageService";
    public const string BlazoredISyncSessionStorageService = "Blazored.SessionStorage.ISyncSessionStorageService";

    // Blazor components (the fix injects into them)
    public const string IComponent = "Microsoft.AspNetCore.Components.IComponent";
    public const string InjectAttribute = "Microsoft.AspNetCore.Components.InjectAttribute";

    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string Task = "System.Threading.Tasks.Task";

    // SafeAuth runtime library: the in-memory token store the AUTH401/AUTH402 fix writes to
    public const string SafeAuthITokenStore = "SafeAuth.Browser.ITokenStore";
}
