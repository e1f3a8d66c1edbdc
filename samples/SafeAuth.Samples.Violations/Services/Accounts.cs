using System.Security.Cryptography;
using System.Text;

namespace SafeAuth.Samples.Violations.Services;

public sealed record Account(string UserId, string Role);

public sealed record LoginRequest(string User, string Password);

/// <summary>
/// The API's users, from configuration: <c>Accounts:{user}:Salt</c> (base64), <c>Accounts:{user}:PasswordHash</c>
/// (base64 PBKDF2-SHA256, 100,000 iterations, 32 bytes) and <c>Accounts:{user}:Role</c>.
/// </summary>
public sealed class AccountStore(IConfiguration configuration)
{
    public const int Iterations = 100_000;

    public Account? Verify(string user, string password)
    {
        var section = configuration.GetSection("Accounts").GetSection(user);
        if (section["Salt"] is not { } salt || section["PasswordHash"] is not { } hash)
        {
            return null;
        }

        var computed = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(salt), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(computed, Convert.FromBase64String(hash))
            ? new Account(user, section["Role"] ?? "user")
            : null;
    }
}
