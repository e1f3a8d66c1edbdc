using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Revocation;

namespace SafeAuth.Tokens;

/// <summary>The checks around IdentityModel's: the outer signature of a nested token, and revocation.</summary>
public sealed partial class StrictJwtValidator
{
    /// <summary>One round trip to the revocation store, when there is one; fails closed unless configured otherwise.</summary>
    private async Task<StrictJwtValidationResult?> CheckRevocationAsync(JsonWebToken jwt, InspectedToken inspected, CancellationToken cancellationToken)
    {
        if (_revocations is null)
        {
            return null;
        }

        bool revoked;
        try
        {
            revoked = await TokenRevocationExtensions.IsRevokedAsync(_revocations, jwt.Id, jwt.Subject, inspected.IssuedAt is double iat ? (long)iat : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return _revocationFailOpen
                ? null
                : StrictJwtValidationResult.Failed(JwtValidationFailure.RevocationStoreUnavailable, "The revocation store cannot be reached, so the token is refused (fail closed).", e);
        }

        return revoked
            ? StrictJwtValidationResult.Failed(JwtValidationFailure.Revoked, "The token has been revoked (its 'jti', or its subject's tokens up to its 'iat').")
            : null;
    }

    /// <summary>The key that verifies the outer signature of a nested token, or <see langword="null"/>.</summary>
    private SecurityKey? VerifyOuterSignature(InspectedToken token)
    {
        var signingInput = Encoding.ASCII.GetBytes(token.HeaderSegment + "." + token.PayloadSegment);
        foreach (var key in _policy.Keys)
        {
            if (!_policy.IsAllowed(key, token.Algorithm)
                || (token.KeyId is not null && key.KeyId is not null && !string.Equals(token.KeyId, key.KeyId, StringComparison.Ordinal)))
            {
                continue;
            }

            var factory = key.CryptoProviderFactory ?? CryptoProviderFactory.Default;
            SignatureProvider? provider = null;
            try
            {
                provider = factory.CreateForVerifying(key, token.Algorithm);
                if (provider.Verify(signingInput, token.Signature))
                {
                    return key;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A key that cannot verify this algorithm simply does not match.
            }
            finally
            {
                if (provider is not null)
                {
                    factory.ReleaseSignatureProvider(provider);
                }
            }
        }

        return null;
    }
}
