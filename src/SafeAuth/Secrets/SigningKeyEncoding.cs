namespace SafeAuth.Secrets;

/// <summary>How a signing key's bytes are written in its setting.</summary>
public enum SigningKeyEncoding
{
    /// <summary>
    /// Base64 or base64url, when the text can only be read one way. Text made only of hex digits is refused as
    /// ambiguous (it is valid base64 too, for other bytes): name <see cref="Hex"/> or <see cref="Base64"/>.
    /// </summary>
    Unambiguous = 0,

    /// <summary>Standard base64 (RFC 4648 §4), padding optional, line breaks allowed.</summary>
    Base64,

    /// <summary>Base64url (RFC 4648 §5), padding optional.</summary>
    Base64Url,

    /// <summary>Hexadecimal digits, two per byte, either case.</summary>
    Hex,
}
