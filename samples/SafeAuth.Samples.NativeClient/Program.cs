using SafeAuth.Samples.NativeClient;

// The window would bind to this view model; the console stands in for it.
var viewModel = new App().CreateMainViewModel();
Console.WriteLine($"Signed in: {viewModel.UserName ?? "(not yet)"}");
Console.WriteLine(LegacyLogin.ImplicitAuthorizeUrl("n-0S6_WzA2Mj"));
