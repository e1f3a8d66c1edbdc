namespace SafeAuth.Samples.BlazorWasm.Services;

public sealed class LoginRequest
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed record LoginResponse(string AccessToken, string RefreshToken, int ExpiresIn);
