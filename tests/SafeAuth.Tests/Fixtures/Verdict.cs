using SafeAuth.Tokens;

namespace SafeAuth.Tests.Fixtures;

public static class Verdict
{
    public static async Task<StrictJwtValidationResult> AssertRejectedAsync(StrictJwtValidator validator, string token, JwtValidationFailure expected)
    {
        StrictJwtValidationResult result = await validator.ValidateAsync(token);
        Assert.False(result.IsValid, $"Expected rejection with {expected}, but the token was accepted.");
        if (result.Failure != expected)
            Assert.Fail($"Expected {expected}, got {result.Failure}: {result.FailureMessage} [{result.Exception?.GetType().Name}: {result.Exception?.Message}]");
        Assert.False(string.IsNullOrWhiteSpace(result.FailureMessage));
        return result;
    }

    public static async Task<StrictJwtValidationResult> AssertAcceptedAsync(StrictJwtValidator validator, string token)
    {
        StrictJwtValidationResult result = await validator.ValidateAsync(token);
        if (!result.IsValid)
            Assert.Fail($"Expected acceptance, got {result.Failure}: {result.FailureMessage} [{result.Exception?.GetType().Name}: {result.Exception?.Message}]");
        Assert.Equal(JwtValidationFailure.None, result.Failure);
        Assert.Null(result.FailureMessage);
        return result;
    }
}
