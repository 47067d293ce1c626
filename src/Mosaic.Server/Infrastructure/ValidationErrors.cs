using Microsoft.AspNetCore.Mvc;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// What a request record's <c>Validate()</c> found wrong, field by field. Its 400 body lists every field's messages and
/// repeats them all in <c>detail</c>, so a client that reads only the detail still tells the person everything.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public ValidationErrors Add(string field, string message)
    {
        _errors[field] = [message];
        return this;
    }

    /// <summary>Null when nothing was wrong.</summary>
    public ValidationProblemDetails? Problem(string title) =>
        _errors.Count == 0
            ? null
            : new ValidationProblemDetails(_errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = title,
                Detail = string.Join(" ", _errors.Values.SelectMany(v => v)),
            };
}
