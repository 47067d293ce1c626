namespace Mosaic.Server.Data;

/// <summary>
/// A logged-out JWT (by its <c>jti</c>). Kept in the database so logout holds across restarts and
/// replicas; rows are pruned once the token would have expired anyway.
/// </summary>
public sealed class RevokedToken
{
    public required string Jti { get; set; }
    public required string UserId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime RevokedAt { get; set; }
}
